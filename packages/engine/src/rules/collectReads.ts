import type { ASTNode } from '@marcbachmann/cel-js';

/** A free identifier in an expression and where it starts (character offset). */
export interface IdentifierRef {
  name: string;
  start: number;
}

/** Macros whose first argument binds a comprehension variable over the other arguments. */
const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

function walk(node: ASTNode, bound: ReadonlySet<string>, out: IdentifierRef[]): void {
  switch (node.op) {
    case 'value':
      return;
    case 'id':
      if (!bound.has(node.args)) out.push({ name: node.args, start: node.start });
      return;
    case '.':
    case '.?':
      return walk(node.args[0], bound, out);
    case '!_':
    case '-_':
      return walk(node.args, bound, out);
    case 'call':
      for (const arg of node.args[1]) walk(arg, bound, out);
      return;
    case 'rcall': {
      const [name, receiver, args] = node.args;
      const first = args[0];
      const isBind = name === 'bind' && receiver.op === 'id' && receiver.args === 'cel' && !bound.has('cel');
      if ((isBind || COMPREHENSIONS.has(name)) && first?.op === 'id' && args.length >= 2) {
        // `cel.bind(v, init, body)`: init is outside v's scope; comprehension receivers likewise.
        if (isBind) walk(args[1]!, bound, out);
        else walk(receiver, bound, out);
        const inner = new Set(bound).add(first.args);
        for (const arg of args.slice(isBind ? 2 : 1)) walk(arg, inner, out);
        return;
      }
      walk(receiver, bound, out);
      for (const arg of args) walk(arg, bound, out);
      return;
    }
    case 'list':
      for (const item of node.args) walk(item, bound, out);
      return;
    case 'map':
      for (const [k, v] of node.args) {
        walk(k, bound, out);
        walk(v, bound, out);
      }
      return;
    default:
      // Binary operators, `[]`, `?:`, `||`, `&&`: every argument is an expression.
      for (const arg of node.args as ASTNode[]) walk(arg, bound, out);
  }
}

/**
 * Every free identifier of an expression with its offset, in source order; comprehension
 * variables (`s` in `shareholders.all(s, s.amount > 0)`) are not free.
 */
export function collectIdentifiers(ast: ASTNode): IdentifierRef[] {
  const out: IdentifierRef[] = [];
  walk(ast, new Set(), out);
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
