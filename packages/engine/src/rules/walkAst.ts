import type { ASTNode } from '@marcbachmann/cel-js';

/** Macros whose first argument binds a comprehension variable over the other arguments. */
const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

export interface AstVisitor<S> {
  /** Called for every node, with the scope it is in. */
  visit(node: ASTNode, scope: S): void;
  /**
   * The scope inside a binding: `variable` bound over the list `receiver` (comprehensions) or to the
   * value `init` (`cel.bind(variable, init, body)`).
   */
  bind(scope: S, variable: string, source: { receiver?: ASTNode; init?: ASTNode }): S;
}

/**
 * Walk a cel-js AST in source order with lexical scopes: comprehension receivers and `cel.bind`
 * initialisers are in the outer scope, their bodies in the inner one.
 */
export function walkAst<S>(ast: ASTNode, scope: S, visitor: AstVisitor<S>): void {
  const walk = (node: ASTNode, current: S): void => {
    visitor.visit(node, current);
    switch (node.op) {
      case 'value':
      case 'id':
        return;
      case '.':
      case '.?':
        return walk(node.args[0], current);
      case '!_':
      case '-_':
        return walk(node.args, current);
      case 'call':
        for (const arg of node.args[1]) walk(arg, current);
        return;
      case 'rcall': {
        const [name, receiver, args] = node.args;
        const first = args[0];
        const isBind = name === 'bind' && receiver.op === 'id' && receiver.args === 'cel';
        if ((isBind || COMPREHENSIONS.has(name)) && first?.op === 'id' && args.length >= 2) {
          if (isBind) {
            walk(args[1]!, current);
            const inner = visitor.bind(current, first.args, { init: args[1]! });
            for (const arg of args.slice(2)) walk(arg, inner);
          } else {
            walk(receiver, current);
            const inner = visitor.bind(current, first.args, { receiver });
            for (const arg of args.slice(1)) walk(arg, inner);
          }
          return;
        }
        walk(receiver, current);
        for (const arg of args) walk(arg, current);
        return;
      }
      case 'list':
        for (const item of node.args) walk(item, current);
        return;
      case 'map':
        for (const [k, v] of node.args) {
          walk(k, current);
          walk(v, current);
        }
        return;
      default:
        // Binary operators, `[]`, `?:`, `||`, `&&`: every argument is an expression.
        for (const arg of node.args as ASTNode[]) walk(arg, current);
    }
  };
  walk(ast, scope);
}
