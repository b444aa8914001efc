/** Why a field key cannot be used as a variable in CEL rules. */
export type CelKeyProblem = 'notIdentifier' | 'reserved' | 'today';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * CEL reserved words and literals, plus names cel-js refuses (`__proto__`, `prototype`) and
 * names it predefines (types, the `cel` namespace).
 */
const RESERVED = new Set([
  'as',
  'break',
  'const',
  'continue',
  'else',
  'false',
  'for',
  'function',
  'if',
  'import',
  'in',
  'let',
  'loop',
  'namespace',
  'null',
  'package',
  'return',
  'true',
  'var',
  'void',
  'while',
  '__proto__',
  'prototype',
  'bool',
  'bytes',
  'cel',
  'double',
  'dyn',
  'google',
  'int',
  'list',
  'map',
  'null_type',
  'string',
  'type',
  'uint',
]);

/**
 * The reason a field key cannot be read by a CEL expression, or undefined when it can.
 * `today` is taken by the injected clock.
 *
 * @example celKeyProblem('mother-name') // 'notIdentifier'
 */
export function celKeyProblem(key: string): CelKeyProblem | undefined {
  if (!IDENTIFIER.test(key)) return 'notIdentifier';
  if (RESERVED.has(key)) return 'reserved';
  return key === 'today' ? 'today' : undefined;
}
