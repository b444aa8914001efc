import type { ASTNode } from '@marcbachmann/cel-js';
import type { FieldShape } from '../bundle/types.js';
import { walkAst } from './walkAst.js';

/** A member access (`s.subscribedAmt`, `legalRep.nmae`) naming no sub-field of a known object shape. */
export interface UnknownMember {
  member: string;
  /** Sub-fields the object does have, for a did-you-mean hint. */
  known: string[];
  start: number;
}

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

  walkAst<ReadonlyMap<string, FieldShape | undefined>>(ast, new Map(), {
    visit(node, scope) {
      if (node.op !== '.' && node.op !== '.?') return;
      const [target, member] = node.args;
      const parent = shapeOf(target, scope);
      if (parent?.type === 'object' && parent.properties && !own(parent.properties, member)) {
        out.push({ member, known: Object.keys(parent.properties), start: node.start });
      }
    },
    bind(scope, variable, { receiver, init }) {
      const source = receiver ? shapeOf(receiver, scope) : init ? shapeOf(init, scope) : undefined;
      // A comprehension variable ranges over the list's entries; a cel.bind variable is the value itself.
      const shape = receiver ? (source?.type === 'array' ? source.items : undefined) : source;
      return new Map(scope).set(variable, shape);
    },
  });
  return out;
}
