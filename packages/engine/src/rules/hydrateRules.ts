import type { Bundle } from '../bundle/types.js';
import type { ArtifactRule } from '../compile/CompiledArtifact.js';
import type { CompiledRule, CompiledRules } from '../compile/types.js';
import { buildCelEnvironment } from './createCelEnvironment.js';
import { createCompiledRule } from './createCompiledRule.js';

/**
 * Rebuild runnable rules from the rules of a compiled artifact: each expression is parsed again in
 * the bundle's CEL environment (it was resolved, bounded and type-checked by `compileRules` when
 * the artifact was written, so no checking is repeated). Throws what the CEL parser throws for an
 * expression that does not parse, which only a tampered artifact has; `hydrateBundle` reports it.
 */
export function hydrateRules(bundle: Bundle, rules: ArtifactRule[], computedOrder: string[]): CompiledRules {
  const { env } = buildCelEnvironment(bundle.fields);
  const compiled: CompiledRule[] = rules.map((rule) =>
    createCompiledRule(
      rule,
      env.parse(rule.expr),
      rule.reads,
      rule.when ? env.parse(rule.when.expr) : undefined,
    ),
  );
  const readersOf: Record<string, string[]> = Object.create(null);
  for (const rule of compiled) for (const key of rule.reads) (readersOf[key] ??= []).push(rule.id);
  return { rules: compiled, readersOf, computedOrder, diagnostics: [] };
}
