import {
  compileBundle,
  compileInterpreted,
  createDiagnostic,
  loadBundle,
  type CompiledBundle,
  type Diagnostic,
  type Lang,
  type LoadedBundle,
} from '@onething/engine';

/** The bundle text's format in the editor. */
export type SourceFormat = 'yaml' | 'json';

/** What the playground knows about the text in the editor. */
export interface Analysis {
  /** Every diagnostic of the source (errors, warnings, notes), each with line and column when known. */
  diagnostics: Diagnostic[];
  loaded: LoadedBundle | undefined;
  /** The bundle ready for the preview and simulator; undefined while it has errors. */
  compiled: CompiledBundle | undefined;
  /** Milliseconds spent loading and compiling (shown in the status bar, read by the benchmark). */
  ms: number;
}

/**
 * Load, check and compile the editor's text, never throwing: every problem becomes a diagnostic.
 * Validators are interpreted (`compileInterpreted`), not generated, so the playground runs under its
 * strict Content-Security-Policy (no `unsafe-eval`).
 *
 * @example
 * const { compiled, diagnostics } = analyzeSource(text, 'yaml', 'zh-CN');
 */
export function analyzeSource(text: string, format: SourceFormat, lang: Lang): Analysis {
  const started = performance.now();
  let loaded: LoadedBundle | undefined;
  let compiled: CompiledBundle | undefined;
  let diagnostics: Diagnostic[] = [];
  try {
    loaded = loadBundle(text, { fileName: `bundle.${format === 'json' ? 'json' : 'yaml'}`, lang });
    diagnostics = loaded.diagnostics;
    if (loaded.ok) compiled = compileBundle(loaded, { compile: compileInterpreted });
  } catch (error) {
    diagnostics = [
      ...diagnostics,
      createDiagnostic('BUNDLE_COMPILE_FAILED', {
        path: '',
        params: { reason: error instanceof Error ? error.message : String(error) },
        lang,
      }),
    ];
  }
  return { diagnostics, loaded, compiled, ms: performance.now() - started };
}
