import type { ASTNode } from '@marcbachmann/cel-js';
import { walkAst } from './walkAst.js';

/** A free identifier in an expression and where it starts (character offset). */
export interface IdentifierRef {
  name: string;
  start: number;
}

/**
 * Every free identifier of an expression with its offset, in source order; comprehension
 * variables (`s` in `shareholders.all(s, s.amount > 0)`) are not free.
 */
export function collectIdentifiers(ast: ASTNode): IdentifierRef[] {
  const out: IdentifierRef[] = [];
  walkAst<ReadonlySet<string>>(ast, new Set(), {
    visit(node, bound) {
      if (node.op === 'id' && !bound.has(node.args)) out.push({ name: node.args, start: node.start });
    },
    bind: (bound, variable) => new Set(bound).add(variable),
  });
  return out;
}

/**
 * The variables an expression reads (field keys, and `today` if used), sorted and unique.
 *
 * @example collectReads(env.parse('a > 1 && xs.all(x, x < b)').ast) // ['a', 'b', 'xs']
 */
export function collectReads(ast: ASTNode): string[] {
  return [...new Set(collectIdentifiers(ast).map((ref) => ref.name))].sort();
}
