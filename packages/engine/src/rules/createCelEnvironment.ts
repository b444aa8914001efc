import { Environment } from '@marcbachmann/cel-js';
import type { FieldDefinition } from '../bundle/types.js';
import { celKeyProblem, type CelKeyProblem } from './celKeyProblem.js';
import { celTypeOf } from './celTypeOf.js';
import { celFunctions } from './functions/index.js';

/** Longest expression text accepted; longer ones are rejected before parsing. */
export const MAX_EXPRESSION_LENGTH = 4000;

/** Parser limits: generous for form rules, small enough that hostile input fails fast. */
export const CEL_LIMITS = {
  maxAstNodes: 2000,
  maxDepth: 64,
  maxListElements: 200,
  maxMapEntries: 200,
  maxCallArguments: 16,
} as const;

/** A CEL environment plus the field keys that could not be registered as variables. */
export interface CelEnvironmentResult {
  env: Environment;
  /** Keys skipped, with the reason; rules cannot read them. */
  rejected: Array<{ key: string; problem: CelKeyProblem }>;
}

/**
 * Build the CEL environment for a field dictionary and report keys it had to skip.
 * Never throws on odd keys: they are listed in `rejected` for the caller to diagnose.
 */
export function buildCelEnvironment(fields: Record<string, FieldDefinition>): CelEnvironmentResult {
  const env = new Environment({ limits: CEL_LIMITS });
  const rejected: CelEnvironmentResult['rejected'] = [];
  env.registerVariable('today', 'string', { description: 'Today as YYYY-MM-DD, supplied by the caller' });
  for (const fn of celFunctions) env.registerFunction(fn.signature, fn.handler);
  for (const key of Object.keys(fields)) {
    const problem = celKeyProblem(key);
    if (problem) {
      rejected.push({ key, problem });
      continue;
    }
    try {
      env.registerVariable(key, celTypeOf(fields[key]!));
    } catch {
      // A name cel-js predefines that our list does not know yet.
      rejected.push({ key, problem: 'reserved' });
    }
  }
  return { env, rejected };
}

/**
 * The CEL environment rules run in: every usable field key as a typed variable, the `today`
 * string variable (the caller's clock) and the domain functions in `celFunctions`.
 *
 * @example
 * const env = createCelEnvironment({ age: { type: 'integer', label: { 'zh-CN': '年龄' } } });
 * env.parse('age >= 18').check().valid; // true
 */
export function createCelEnvironment(fields: Record<string, FieldDefinition>): Environment {
  return buildCelEnvironment(fields).env;
}
