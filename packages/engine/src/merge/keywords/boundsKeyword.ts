import { reportConflict } from '../mergeContext.js';
import { keywordSide, type MergeNode, type Side } from '../mergeNode.js';
import { NUMBER_TYPES, type KeywordCombiner } from './keywordCombiner.js';

interface Bound {
  value: number;
  exclusive: boolean;
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The tighter of an inclusive and an exclusive bound given in one schema (`lower` picks the larger). */
function boundOf(
  schema: Record<string, unknown>,
  lower: boolean,
): { bound: Bound; keyword: string } | undefined {
  const [inclusiveKey, exclusiveKey] = lower
    ? ['minimum', 'exclusiveMinimum']
    : ['maximum', 'exclusiveMaximum'];
  const inclusive = schema[inclusiveKey];
  const exclusive = schema[exclusiveKey];
  let best: { bound: Bound; keyword: string } | undefined;
  if (finite(inclusive)) best = { bound: { value: inclusive, exclusive: false }, keyword: inclusiveKey };
  if (finite(exclusive) && (!best || tighter({ value: exclusive, exclusive: true }, best.bound, lower))) {
    best = { bound: { value: exclusive, exclusive: true }, keyword: exclusiveKey };
  }
  return best;
}

function tighter(candidate: Bound, current: Bound, lower: boolean): boolean {
  if (candidate.value !== current.value)
    return lower ? candidate.value > current.value : candidate.value < current.value;
  return candidate.exclusive && !current.exclusive;
}

function describe(bound: Bound, lower: boolean): string {
  return `${lower ? (bound.exclusive ? '>' : '≥') : bound.exclusive ? '<' : '≤'} ${bound.value}`;
}

function tighten(node: MergeNode, department: Record<string, unknown>, at: Side, lower: boolean): void {
  const incoming = boundOf(department, lower);
  if (!incoming) return;
  const current = boundOf(node.schema, lower);
  if (current && !tighter(incoming.bound, current.bound, lower)) return;
  const [inclusiveKey, exclusiveKey] = lower
    ? ['minimum', 'exclusiveMinimum']
    : ['maximum', 'exclusiveMaximum'];
  // Keep exactly one keyword per side so the merged schema reads like a hand-written one.
  delete node.schema[inclusiveKey];
  delete node.schema[exclusiveKey];
  node.schema[incoming.keyword] = incoming.bound.value;
  node.origins.set(lower ? 'lower' : 'upper', keywordSide(at, incoming.keyword));
}

/** `minimum`/`maximum`/`exclusiveMinimum`/`exclusiveMaximum`: the tightest bound on each side wins. */
export const boundsKeyword: KeywordCombiner = {
  keywords: ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  combine(node, department, at) {
    if (!NUMBER_TYPES.has(node.type)) return;
    tighten(node, department, at, true);
    tighten(node, department, at, false);
  },
  check(node, ctx) {
    const lower = boundOf(node.schema, true)?.bound;
    const upper = boundOf(node.schema, false)?.bound;
    if (!lower || !upper) return;
    let empty =
      lower.value > upper.value || (lower.value === upper.value && (lower.exclusive || upper.exclusive));
    if (!empty && node.schema.type === 'integer') {
      const smallest = lower.exclusive ? Math.floor(lower.value) + 1 : Math.ceil(lower.value);
      const largest = upper.exclusive ? Math.ceil(upper.value) - 1 : Math.floor(upper.value);
      empty = smallest > largest;
    }
    if (!empty) return;
    reportConflict(
      ctx,
      'MERGE_CONSTRAINT_EMPTY',
      node,
      {
        side: node.origins.get('lower') ?? keywordSide(node.dictionary, 'minimum'),
        value: describe(lower, true),
      },
      {
        side: node.origins.get('upper') ?? keywordSide(node.dictionary, 'maximum'),
        value: describe(upper, false),
      },
    );
  },
};
