import type { Lang } from '@onething/engine/runtime';
import { ts, type StatusMessageKey } from '../i18n/statusMessages.js';

/** The five national 好差评 levels: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. */
export type RatingLevel = 1 | 2 | 3 | 4 | 5;

/** The levels in the order they are offered, best first. */
export const RATING_LEVELS: readonly RatingLevel[] = [5, 4, 3, 2, 1];

/** Why a rating is low (差评原因): 办事效率, 服务态度, 办事指南, 平台操作. */
export type RatingReason = 'efficiency' | 'attitude' | 'guide' | 'platform';

export const RATING_REASONS: readonly RatingReason[] = ['efficiency', 'attitude', 'guide', 'platform'];

/** Ratings below this level (不满意, 非常不满意) need at least one reason, as 好差评 systems ask. */
export const REASON_BELOW: RatingLevel = 3;

/** Longest comment accepted, in characters. */
export const COMMENT_MAX = 500;

const LEVEL_TEXTS: Record<RatingLevel, StatusMessageKey> = {
  5: 'ratingLevel5',
  4: 'ratingLevel4',
  3: 'ratingLevel3',
  2: 'ratingLevel2',
  1: 'ratingLevel1',
};

const REASON_TEXTS: Record<RatingReason, StatusMessageKey> = {
  efficiency: 'ratingReasonEfficiency',
  attitude: 'ratingReasonAttitude',
  guide: 'ratingReasonGuide',
  platform: 'ratingReasonPlatform',
};

/** A level in words (非常满意 … 非常不满意). */
export function ratingLevelText(level: RatingLevel, lang: Lang): string {
  return ts(lang, LEVEL_TEXTS[level]);
}

/** A reason of a low rating in words. */
export function ratingReasonText(reason: RatingReason, lang: Lang): string {
  return ts(lang, REASON_TEXTS[reason]);
}
