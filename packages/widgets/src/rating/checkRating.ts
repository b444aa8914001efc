import type { Lang } from '@onething/engine/runtime';
import { ts } from '../i18n/statusMessages.js';
import {
  COMMENT_MAX,
  RATING_REASONS,
  REASON_BELOW,
  type RatingLevel,
  type RatingReason,
} from './ratingLevels.js';

/** Something rated: the bundle as a whole (`overall`) or one item (`item:<id>`). */
export type RatingTargetKey = 'overall' | `item:${string}`;

/** An item that can be rated, with its display name. */
export interface RatingItem {
  id: string;
  name: string;
}

/** What the applicant has chosen so far. */
export interface RatingDraft {
  levels: Partial<Record<RatingTargetKey, RatingLevel>>;
  reasons: Partial<Record<RatingTargetKey, RatingReason[]>>;
  comment: string;
}

/** The `detail` of `onething-rate`. Reasons are present only for levels below 3. */
export interface RatingDetail {
  overall: RatingLevel;
  /** Levels of the items rated, by item id. */
  items: Record<string, RatingLevel>;
  reasons?: { overall?: RatingReason[]; items?: Record<string, RatingReason[]> };
  /** Trimmed; absent when empty. */
  comment?: string;
}

/** Why a draft cannot be submitted yet. */
export type RatingProblem =
  | { kind: 'level'; target: RatingTargetKey }
  | { kind: 'reason'; target: RatingTargetKey }
  | { kind: 'comment'; count: number };

export type RatingCheck = { ok: true; detail: RatingDetail } | { ok: false; problems: RatingProblem[] };

/** An empty draft. */
export function emptyRatingDraft(): RatingDraft {
  return { levels: {}, reasons: {}, comment: '' };
}

/** The draft key of item `id`. */
export const itemKey = (id: string): RatingTargetKey => `item:${id}`;

/**
 * Check a rating draft and build the event detail: the overall level is required (item levels too
 * with `requireItems`), a level below 3 needs at least one reason, and the comment has at most 500
 * characters. Reasons chosen for a level later raised to 3 or more are dropped.
 *
 * @example
 * checkRating({ levels: { overall: 2 }, reasons: {}, comment: '' }, []);
 * // { ok: false, problems: [{ kind: 'reason', target: 'overall' }] }
 */
export function checkRating(
  draft: RatingDraft,
  items: readonly RatingItem[],
  options: { requireItems?: boolean } = {},
): RatingCheck {
  const problems: RatingProblem[] = [];
  const reasonsOf = (key: RatingTargetKey): RatingReason[] | undefined => {
    const level = draft.levels[key];
    if (level === undefined || level >= REASON_BELOW) return undefined;
    const chosen = RATING_REASONS.filter((reason) => draft.reasons[key]?.includes(reason));
    if (chosen.length === 0) problems.push({ kind: 'reason', target: key });
    return chosen;
  };

  const overall = draft.levels.overall;
  if (overall === undefined) problems.push({ kind: 'level', target: 'overall' });
  const overallReasons = reasonsOf('overall');
  const levels: Record<string, RatingLevel> = {};
  const itemReasons: Record<string, RatingReason[]> = {};
  for (const item of items) {
    const key = itemKey(item.id);
    const level = draft.levels[key];
    if (level === undefined) {
      if (options.requireItems) problems.push({ kind: 'level', target: key });
      continue;
    }
    levels[item.id] = level;
    const reasons = reasonsOf(key);
    if (reasons) itemReasons[item.id] = reasons;
  }
  const comment = draft.comment.trim();
  const count = [...comment].length;
  if (count > COMMENT_MAX) problems.push({ kind: 'comment', count });
  if (problems.length > 0 || overall === undefined) return { ok: false, problems };

  const detail: RatingDetail = { overall, items: levels };
  if (overallReasons || Object.keys(itemReasons).length > 0) {
    detail.reasons = {
      ...(overallReasons ? { overall: overallReasons } : {}),
      ...(Object.keys(itemReasons).length > 0 ? { items: itemReasons } : {}),
    };
  }
  if (comment) detail.comment = comment;
  return { ok: true, detail };
}

/** A problem in words, naming the target (`overallName` for the bundle as a whole). */
export function ratingProblemText(
  problem: RatingProblem,
  items: readonly RatingItem[],
  overallName: string,
  lang: Lang,
): string {
  if (problem.kind === 'comment')
    return ts(lang, 'ratingCommentTooLong', { max: COMMENT_MAX, count: problem.count });
  const target =
    problem.target === 'overall'
      ? overallName
      : (items.find((item) => itemKey(item.id) === problem.target)?.name ?? problem.target.slice(5));
  return ts(lang, problem.kind === 'level' ? 'ratingLevelMissing' : 'ratingReasonMissing', { target });
}
