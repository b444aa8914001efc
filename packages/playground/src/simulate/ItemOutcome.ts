/**
 * What a simulated department does with one item (事项), as policy staff pick it in the simulator.
 * `outcomeScript` turns a set of these into the engine's `MemoryScript`.
 */

/** The department's decision on an item. */
export type OutcomeResult =
  /** 受理, review, approve and issue the licence (办结出证). */
  | 'approve'
  /** 受理 and keep it in review without a decision (lets the 限时办结 clock run out). */
  | 'accept'
  /** 不予受理 at intake. */
  | 'refuse'
  /** 受理, then 不予许可 on review. */
  | 'deny'
  /** 受理, ask for a 补正, and approve once it is answered. */
  | 'correction';

/** The outcome results, in the order the simulator offers them. */
export const OUTCOME_RESULTS: readonly OutcomeResult[] = [
  'approve',
  'accept',
  'refuse',
  'deny',
  'correction',
];

/** One item's scripted behaviour. */
export interface ItemOutcome {
  result: OutcomeResult;
  /**
   * Calendar days from acceptance (or from a 补正 answer) to the decision; `0` decides within the
   * hour. Default: 0 for 即办 items (limit 0), else 1.
   */
  reviewDays?: number;
  /** The department's system is down for the item's first N submissions (each retried with backoff). */
  outageAttempts?: number;
  /**
   * The department takes this long to answer a submission. At or beyond the simulator's department
   * timeout the call is abandoned as a transient failure and retried (the submission took effect).
   */
  slowSeconds?: number;
}

/** Outcomes by item id; an item not named is approved. */
export type ItemOutcomes = Record<string, ItemOutcome>;
