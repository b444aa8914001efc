import type { Environment, ParseResult } from '@marcbachmann/cel-js';
import { hintFor } from '../bundle/didYouMean.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { collectIdentifiers } from './collectReads.js';
import { MAX_EXPRESSION_LENGTH } from './createCelEnvironment.js';
import { estimateCost } from './estimateCost.js';
import { checkMembers } from './checkMembers.js';
import type { FieldShape } from '../bundle/types.js';

/** What compiling one expression needs to know about the bundle. */
export interface ExpressionScope {
  env: Environment;
  /** Field keys registered as variables. */
  fieldKeys: ReadonlySet<string>;
  /** The dictionary, for checking member names of object and list fields. */
  fields: Readonly<Record<string, FieldShape>>;
  sizeOf: (name: string) => number;
}

export interface CompiledExpression {
  /** Present when the expression is free of errors. */
  run?: ParseResult;
  /** Field keys (and `today`) it reads, sorted. */
  reads: string[];
  diagnostics: Diagnostic[];
}

interface CelErrorLike {
  summary?: string;
  message?: string;
  range?: { start: number; end: number };
}

/** Params locating an error inside the expression, for the loader's line/column mapping. */
function located(expr: string, error: unknown): Record<string, unknown> {
  const e = (error ?? {}) as CelErrorLike;
  const detail = String(e.summary ?? e.message ?? error).split('\n')[0] ?? '';
  // The commonest slip: comparing a number field (CEL double) with an integer literal, or the reverse.
  const mixesNumbers = /\bdouble\b/.test(detail) && /\bint\b/.test(detail);
  const params: Record<string, unknown> = {
    expr,
    detail: mixesNumbers
      ? {
          'zh-CN': `${detail}（数字字段是 double，请写成 100.0 这样的小数；整数字段是 int）`,
          en: `${detail} (number fields are double: write 100.0; integer fields are int)`,
        }
      : detail,
  };
  if (e.range && Number.isInteger(e.range.start)) {
    params.offset = e.range.start;
    params.end = e.range.end;
  }
  return params;
}

/** Whether a checked type satisfies the expected one (`dyn` satisfies anything, and fills holes). */
function typeFits(actual: string, expected: string): boolean {
  if (actual === expected || actual === 'dyn') return true;
  const outer = (t: string): string => t.split('<')[0]!;
  return (expected.includes('dyn') || actual.includes('dyn')) && outer(actual) === outer(expected);
}

/**
 * Parse, resolve, bound and type-check one expression; every problem becomes a diagnostic at
 * `path` (CEL_SYNTAX, UNKNOWN_REFERENCE, CEL_TOO_COMPLEX, CEL_TYPE, CEL_WRONG_RESULT_TYPE).
 * Never throws: an unexpected failure inside the CEL library is reported as CEL_SYNTAX.
 */
export function compileExpression(
  scope: ExpressionScope,
  expr: string,
  path: string,
  resultType: string,
): CompiledExpression {
  try {
    return compileChecked(scope, expr, path, resultType);
  } catch (error) {
    return {
      reads: [],
      diagnostics: [createDiagnostic('CEL_SYNTAX', { path, params: located(expr, error) })],
    };
  }
}

function compileChecked(
  scope: ExpressionScope,
  expr: string,
  path: string,
  resultType: string,
): CompiledExpression {
  const fail = (d: Diagnostic): CompiledExpression => ({ reads: [], diagnostics: [d] });
  if (expr.length > MAX_EXPRESSION_LENGTH) {
    return fail(
      createDiagnostic('CEL_TOO_COMPLEX', {
        path,
        params: { expr, reason: 'length', offset: MAX_EXPRESSION_LENGTH },
      }),
    );
  }
  let run: ParseResult;
  try {
    run = scope.env.parse(expr);
  } catch (error) {
    return fail(createDiagnostic('CEL_SYNTAX', { path, params: located(expr, error) }));
  }

  const refs = collectIdentifiers(run.ast);
  const known = (name: string): boolean => name === 'today' || scope.fieldKeys.has(name);
  const unknown = new Map<string, number>();
  for (const ref of refs) {
    if (!known(ref.name) && !scope.env.hasVariable(ref.name) && !unknown.has(ref.name))
      unknown.set(ref.name, ref.start);
  }
  if (unknown.size > 0) {
    const diagnostics = [...unknown].map(([ref, offset]) => {
      const hint = hintFor(ref, scope.fieldKeys);
      return createDiagnostic('UNKNOWN_REFERENCE', {
        path,
        params: { kind: { 'zh-CN': '字段', en: 'field' }, ref, hint, expr, offset },
      });
    });
    return { reads: [], diagnostics };
  }
  const members = checkMembers(run.ast, scope.fields);
  if (members.length > 0) {
    const diagnostics = members.map((m) =>
      createDiagnostic('UNKNOWN_REFERENCE', {
        path,
        params: {
          kind: { 'zh-CN': '子字段', en: 'sub-field' },
          ref: m.member,
          hint: hintFor(m.member, m.known),
          expr,
          offset: m.start,
        },
      }),
    );
    return { reads: [], diagnostics };
  }
  const reads = [...new Set(refs.map((r) => r.name).filter(known))].sort();

  const tooExpensive = estimateCost(run.ast, scope.sizeOf);
  if (tooExpensive === 'invalidRegex')
    return fail(createDiagnostic('PATTERN_INVALID', { path, params: { expr, detail: expr } }));
  if (tooExpensive)
    return fail(createDiagnostic('CEL_TOO_COMPLEX', { path, params: { expr, reason: tooExpensive } }));

  const checked = run.check();
  if (!checked.valid)
    return fail(createDiagnostic('CEL_TYPE', { path, params: located(expr, checked.error) }));
  const actual = checked.type ?? 'dyn';
  if (!typeFits(actual, resultType)) {
    return fail(
      createDiagnostic('CEL_WRONG_RESULT_TYPE', {
        path,
        params: { expr, expected: resultType, actual, offset: 0 },
      }),
    );
  }
  return { run, reads, diagnostics: [] };
}
