import type { Bundle, FieldDefinition } from '../bundle/types.js';
import type { CompiledRule, CompiledRules } from '../compile/types.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { toPointer } from '../diagnostics/jsonPointer.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { collectRuleSources } from './collectRuleSources.js';
import { compileExpression, type ExpressionScope } from './compileExpression.js';
import { buildCelEnvironment } from './createCelEnvironment.js';
import { createCompiledRule } from './createCompiledRule.js';
import { cyclePath } from './cyclePath.js';
import { fieldSizeBound } from './fieldSizeBound.js';
import { orderComputed } from './orderComputed.js';

function fieldsOf(bundle: Bundle): Record<string, FieldDefinition> {
  const fields: unknown = bundle?.fields;
  return typeof fields === 'object' && fields !== null && !Array.isArray(fields)
    ? (fields as Record<string, FieldDefinition>)
    : {};
}

/**
 * Compile every CEL expression of a bundle against its field dictionary. Expressions with
 * errors yield diagnostics (with the error's `offset` inside the expression in `params`) and
 * no rule; computed fields on a cycle are reported and left out.
 *
 * @example
 * const { rules, diagnostics } = compileRules(bundle);
 * const visible = rules.find((r) => r.id === 'visible:babyEthnicity');
 * visible?.evaluate(toCelContext(data, bundle.fields, '2025-01-01'));
 */
export function compileRules(bundle: Bundle): CompiledRules {
  const fields = fieldsOf(bundle);
  const { env, rejected } = buildCelEnvironment(fields);
  const diagnostics: Diagnostic[] = rejected.map(({ key, problem }) =>
    createDiagnostic('CEL_FIELD_KEY_INVALID', {
      path: toPointer(['fields', key]),
      params: { field: key, problem },
    }),
  );
  const rejectedKeys = new Set(rejected.map((r) => r.key));
  const scope: ExpressionScope = {
    env,
    fieldKeys: new Set(Object.keys(fields).filter((k) => !rejectedKeys.has(k))),
    fields,
    sizeOf: fieldSizeBound(fields),
  };

  let rules: CompiledRule[] = [];
  for (const source of collectRuleSources(bundle)) {
    const main = compileExpression(scope, source.expr, source.path, source.resultType);
    const guard = source.when
      ? compileExpression(scope, source.when.expr, source.when.path, 'bool')
      : undefined;
    diagnostics.push(...main.diagnostics, ...(guard?.diagnostics ?? []));
    if (!main.run || (guard && !guard.run)) continue;
    const reads = guard ? [...new Set([...main.reads, ...guard.reads])].sort() : main.reads;
    rules.push(createCompiledRule(source, main.run, reads, guard?.run));
  }

  const computed = rules.filter((r) => r.kind === 'computed');
  const { order, cycles } = orderComputed(computed);
  if (cycles.length > 0) {
    const readsOf = new Map(computed.map((r) => [r.target, r.reads] as const));
    const onCycle = new Set(cycles.flat());
    for (const cycle of cycles) {
      const first = computed.find((r) => r.target === cycle[0])!;
      const path = cyclePath(cycle, readsOf);
      diagnostics.push(
        createDiagnostic('COMPUTED_CYCLE', {
          path: first.path,
          params: { cycle: path.join(' → '), fields: cycle },
        }),
      );
    }
    rules = rules.filter((r) => r.kind !== 'computed' || !onCycle.has(r.target));
  }

  const readersOf: Record<string, string[]> = Object.create(null);
  for (const rule of rules) for (const key of rule.reads) (readersOf[key] ??= []).push(rule.id);
  return { rules, readersOf, computedOrder: order, diagnostics };
}
