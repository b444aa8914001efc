import type { ParseResult } from '@marcbachmann/cel-js';
import type { CompiledRule } from '../compile/types.js';
import type { RuleSource } from './collectRuleSources.js';

type Outcome = ReturnType<CompiledRule['evaluate']>;

function errorText(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { summary?: unknown; message?: unknown };
    return String(e.summary ?? e.message ?? 'evaluation failed').split('\n')[0]!;
  }
  return String(error);
}

function runSafely(run: ParseResult, context: Record<string, unknown>): Outcome {
  try {
    const value: unknown = run(context);
    // No async functions are registered; a promise would mean a misconfigured environment.
    if (value instanceof Promise) return { ok: false, error: 'asynchronous result' };
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

/**
 * Wrap checked expressions as a CompiledRule whose `evaluate` never throws. A validation rule
 * whose `when` guard is false passes (`{ ok: true, value: true }`): it is not checked.
 */
export function createCompiledRule(
  source: Omit<RuleSource, 'resultType'>,
  run: ParseResult,
  reads: string[],
  when?: ParseResult,
): CompiledRule {
  const evaluate = when
    ? (context: Record<string, unknown>): Outcome => {
        const guard = runSafely(when, context);
        if (!guard.ok) return guard;
        return guard.value === true ? runSafely(run, context) : { ok: true, value: true };
      }
    : (context: Record<string, unknown>): Outcome => runSafely(run, context);
  return {
    id: source.id,
    kind: source.kind,
    target: source.target,
    path: source.path,
    expr: source.expr,
    ...(source.when ? { when: { expr: source.when.expr, path: source.when.path } } : {}),
    reads,
    evaluate,
  };
}
