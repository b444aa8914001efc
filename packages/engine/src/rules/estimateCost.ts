import type { ASTNode } from '@marcbachmann/cel-js';
import { isUnsafePattern } from '../validate/isUnsafePattern.js';

/** Work and value-size budget of one evaluation; far above any real form rule. */
export const MAX_COST = 1_000_000;

/** Why an expression was judged too expensive to run. */
export type CostProblem = 'cost' | 'size' | 'regex' | 'invalidRegex';

/** Upper bounds for one node: work to evaluate it and the size of its value. */
interface Estimate {
  cost: number;
  size: number;
}

const COMPREHENSIONS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);

class TooExpensive {
  constructor(readonly problem: CostProblem) {}
}

/**
 * Estimate worst-case work and value sizes by abstract interpretation: a comprehension costs
 * its body times the receiver's size; `+` adds sizes (so `cel.bind` doubling chains grow).
 * Cost counts evaluated nodes; native work on one value (compare, search) is fast and is
 * bounded through the size limit instead.
 * `sizeOf` bounds a variable's value (array entries or string length).
 */
function estimate(
  node: ASTNode,
  sizeOf: (name: string) => number,
  bound: ReadonlyMap<string, number>,
): Estimate {
  const sub = (n: ASTNode, b = bound): Estimate => estimate(n, sizeOf, b);
  let result: Estimate;
  switch (node.op) {
    case 'value':
      result = { cost: 1, size: typeof node.args === 'string' ? node.args.length : 1 };
      break;
    case 'id':
      result = { cost: 1, size: bound.get(node.args) ?? sizeOf(node.args) };
      break;
    case '.':
    case '.?': {
      const obj = sub(node.args[0]);
      result = { cost: obj.cost + 1, size: obj.size };
      break;
    }
    case '!_':
    case '-_':
      result = { cost: sub(node.args).cost + 1, size: 1 };
      break;
    case 'call':
    case 'rcall': {
      const name = node.args[0];
      const receiver = node.op === 'rcall' ? node.args[1] : undefined;
      const args = node.op === 'rcall' ? node.args[2] : node.args[1];
      const first = args[0];
      if (name === 'matches') checkPattern(args[args.length - 1]);
      const isBind = name === 'bind' && receiver?.op === 'id' && receiver.args === 'cel';
      if (receiver && first?.op === 'id' && args.length >= 2 && (isBind || COMPREHENSIONS.has(name))) {
        const source = isBind ? sub(args[1]!) : sub(receiver);
        const inner = new Map(bound).set(first.args, source.size);
        const body = args.slice(isBind ? 2 : 1).map((a) => sub(a, inner));
        const bodyCost = body.reduce((t, e) => t + e.cost, 0);
        const bodySize = body[body.length - 1]!.size;
        if (isBind) result = { cost: source.cost + bodyCost, size: bodySize };
        else {
          const n = source.size;
          const size = name === 'map' ? n * bodySize : name === 'filter' ? n : 1;
          result = { cost: source.cost + n * (bodyCost + 1), size };
        }
        break;
      }
      const parts = [...(receiver ? [receiver] : []), ...args].map((a) => sub(a));
      const size = parts.reduce((m, e) => Math.max(m, e.size), 1);
      result = { cost: parts.reduce((t, e) => t + e.cost, 1), size };
      break;
    }
    case 'list':
    case 'map': {
      const parts =
        node.op === 'list' ? node.args.map((a) => sub(a)) : node.args.flatMap(([k, v]) => [sub(k), sub(v)]);
      const size = parts.reduce((t, e) => t + e.size, parts.length);
      result = { cost: parts.reduce((t, e) => t + e.cost, 1), size };
      break;
    }
    case '?:': {
      const [c, a, b] = node.args.map((n) => sub(n)) as [Estimate, Estimate, Estimate];
      result = { cost: c.cost + a.cost + b.cost, size: Math.max(a.size, b.size) };
      break;
    }
    default: {
      const [a, b] = (node.args as ASTNode[]).map((n) => sub(n)) as [Estimate, Estimate];
      const size = node.op === '+' ? a.size + b.size : node.op === '[]' ? a.size : 1;
      result = { cost: a.cost + b.cost + 1, size };
    }
  }
  if (result.size > MAX_COST) throw new TooExpensive('size');
  if (result.cost > MAX_COST) throw new TooExpensive('cost');
  return result;
}

/** JavaScript regular expressions backtrack: only literal patterns without a ReDoS shape run. */
function checkPattern(pattern: ASTNode | undefined): void {
  if (pattern?.op !== 'value' || typeof pattern.args !== 'string' || isUnsafePattern(pattern.args)) {
    throw new TooExpensive('regex');
  }
  try {
    new RegExp(pattern.args); // a pattern that does not compile fails every evaluation: say so at load
  } catch {
    throw new TooExpensive('invalidRegex');
  }
}

/**
 * Whether an expression could run too long or build too large a value; undefined when it
 * is within budget. `sizeOf(name)` bounds each variable (entries of a list, length of a string).
 */
export function estimateCost(ast: ASTNode, sizeOf: (name: string) => number): CostProblem | undefined {
  try {
    estimate(ast, sizeOf, new Map());
    return undefined;
  } catch (e) {
    if (e instanceof TooExpensive) return e.problem;
    throw e;
  }
}
