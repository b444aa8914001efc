import type { ASTNode } from '@marcbachmann/cel-js';
import type { FieldShape } from '../bundle/types.js';

/** A member access (`s.subscribedAmt`, `legalRep.nmae`) naming no sub-field of a known object shape. */
export interface UnknownMember {
  member: string;
  /** Sub-fields the object does have, for a did-you-mean hint. */
  known: string[];
  start: number;
}

const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

/**
 * Member accesses on objects whose shape the dictionary declares — object fields, list entries
 * (`buyers[0].name`) and comprehension variables over lists of objects (`shareholders.all(s, s.amt > 0)`) —
 * that name no declared sub-field. Lists of objects are `list<map<string, dyn>>` to CEL, so its type
 * checker cannot see these typos; unchecked, such a rule would silently never fire.
 */
export function checkMembers(ast: ASTNode, fields: Readonly<Record<string, FieldShape>>): UnknownMember[] {
  const out: UnknownMember[] = [];
  const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

  const shapeOf = (
    node: ASTNode,
    scope: ReadonlyMap<string, FieldShape | undefined>,
  ): FieldShape | undefined => {
    switch (node.op) {
      case 'id':
        return scope.has(node.args)
          ? scope.get(node.args)
          : own(fields, node.args)
            ? fields[node.args]
            : undefined;
      case '.': {
        const parent = shapeOf(node.args[0], scope);
        return parent?.properties && own(parent.properties, node.args[1])
          ? parent.properties[node.args[1]]
          : undefined;
      }
      case '[]': {
        const parent = shapeOf(node.args[0], scope);
        return parent?.type === 'array' ? parent.items : undefined;
      }
      default:
        return undefined;
    }
  };

  const walk = (node: ASTNode, scope: ReadonlyMap<string, FieldShape | undefined>): void => {
    switch (node.op) {
      case 'value':
      case 'id':
        return;
      case '.':
      case '.?': {
        const [target, member] = node.args;
        const parent = shapeOf(target, scope);
        if (parent?.type === 'object' && parent.properties && !own(parent.properties, member)) {
          out.push({ member, known: Object.keys(parent.properties), start: node.start });
        }
        return walk(target, scope);
      }
      case '!_':
      case '-_':
        return walk(node.args, scope);
      case 'call':
        for (const arg of node.args[1]) walk(arg, scope);
        return;
      case 'rcall': {
        const [name, receiver, args] = node.args;
        walk(receiver, scope);
        const variable = args[0];
        if (COMPREHENSIONS.has(name) && variable?.op === 'id' && args.length >= 2) {
          const list = shapeOf(receiver, scope);
          const inner = new Map(scope).set(variable.args, list?.type === 'array' ? list.items : undefined);
          for (const arg of args.slice(1)) walk(arg, inner);
          return;
        }
        // cel.bind and other receiver calls: a variable they bind has no declared shape here.
        const inner =
          name === 'bind' && variable?.op === 'id' ? new Map(scope).set(variable.args, undefined) : scope;
        for (const arg of args) walk(arg, inner);
        return;
      }
      case 'list':
        for (const item of node.args) walk(item, scope);
        return;
      case 'map':
        for (const [k, v] of node.args) {
          walk(k, scope);
          walk(v, scope);
        }
        return;
      default:
        for (const arg of node.args as ASTNode[]) walk(arg, scope);
    }
  };

  walk(ast, new Map());
  return out;
}
