/**
 * The authoring half of the engine (bundle loader, YAML, merge, ajv), which elements load only when
 * they are given bundle source text instead of the module `onething compile` writes. `dist/embed.js`
 * keeps it in a separate file (`embed-authoring.js`) so that pages serving compiled bundles never
 * download it.
 */
import {
  compileBundle,
  loadBundle,
  type Bundle,
  type CompiledBundle,
  type Diagnostic,
  type Lang,
  type PrecompiledValidators,
} from '@onething/engine';

export type CompiledSource =
  { ok: true; compiled: CompiledBundle } | { ok: false; diagnostics: Diagnostic[] };

/** Load, check and compile bundle text or an object; validators compile at run time unless given. */
export function compileSource(
  source: string | Record<string, unknown>,
  options: { lang: Lang; validators?: PrecompiledValidators },
): CompiledSource {
  const loaded = loadBundle(source, { lang: options.lang });
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics.filter((d) => d.severity === 'error') };
  return {
    ok: true,
    compiled: compileBundle(loaded, options.validators ? { validators: options.validators } : {}),
  };
}

/** The bundle of some source text, for its names; throws with the first error when unusable. */
export function readBundle(source: string | Record<string, unknown>, lang: Lang): Bundle {
  const loaded = loadBundle(source, { lang });
  if (loaded.bundle) return loaded.bundle;
  const first = loaded.diagnostics.find((d) => d.severity === 'error');
  throw new Error(first ? first.message : 'not a bundle');
}
