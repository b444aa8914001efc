import { describe, expect, it } from 'vitest';
import { checkRating, emptyRatingDraft, ratingProblemText, type RatingDraft } from './checkRating.js';
import { ratingItemsOf } from './ratingItemsOf.js';
import type { Bundle, FlowState } from '../../../engine/src/index.js';

const items = [
  { id: 'cert', name: '出生医学证明' },
  { id: 'hukou', name: '户口登记' },
];
const draft = (patch: Partial<RatingDraft>): RatingDraft => ({ ...emptyRatingDraft(), ...patch });

describe('checkRating', () => {
  it('builds the onething-rate detail from the levels chosen', () => {
    const result = checkRating(
      draft({ levels: { overall: 5, 'item:cert': 4 }, comment: '  很方便  ' }),
      items,
    );
    expect(result).toEqual({ ok: true, detail: { overall: 5, items: { cert: 4 }, comment: '很方便' } });
  });

  it('requires the overall level, and item levels only when asked', () => {
    expect(checkRating(emptyRatingDraft(), items)).toEqual({
      ok: false,
      problems: [{ kind: 'level', target: 'overall' }],
    });
    const result = checkRating(draft({ levels: { overall: 4, 'item:cert': 3 } }), items, {
      requireItems: true,
    });
    expect(result).toEqual({ ok: false, problems: [{ kind: 'level', target: 'item:hukou' }] });
  });

  it('asks for a reason below 基本满意, for the whole and for each item', () => {
    const low = draft({ levels: { overall: 2, 'item:hukou': 1 }, reasons: { 'item:hukou': ['attitude'] } });
    expect(checkRating(low, items)).toEqual({ ok: false, problems: [{ kind: 'reason', target: 'overall' }] });
    const fixed = {
      ...low,
      reasons: { ...low.reasons, overall: ['platform' as const, 'efficiency' as const] },
    };
    expect(checkRating(fixed, items)).toEqual({
      ok: true,
      detail: {
        overall: 2,
        items: { hukou: 1 },
        reasons: { overall: ['efficiency', 'platform'], items: { hukou: ['attitude'] } },
      },
    });
  });

  it('drops reasons of a level raised to 3 or more', () => {
    const raised = draft({ levels: { overall: 3 }, reasons: { overall: ['guide'] } });
    expect(checkRating(raised, items)).toEqual({ ok: true, detail: { overall: 3, items: {} } });
  });

  it('limits the comment to 500 characters', () => {
    expect(checkRating(draft({ levels: { overall: 4 }, comment: '好'.repeat(500) }), items).ok).toBe(true);
    expect(checkRating(draft({ levels: { overall: 4 }, comment: '好'.repeat(501) }), items)).toEqual({
      ok: false,
      problems: [{ kind: 'comment', count: 501 }],
    });
  });

  it('words each problem in both languages', () => {
    expect(ratingProblemText({ kind: 'level', target: 'overall' }, items, '总体评价', 'zh-CN')).toBe(
      '请为“总体评价”选择评价等级',
    );
    expect(ratingProblemText({ kind: 'reason', target: 'item:hukou' }, items, 'Overall', 'en')).toBe(
      'For “户口登记”, choose at least one reason for the low rating',
    );
    expect(ratingProblemText({ kind: 'reason', target: 'item:hukou' }, items, '总体评价', 'zh-CN')).toBe(
      '“户口登记”评价为不满意时，请至少选择一项原因',
    );
    expect(ratingProblemText({ kind: 'comment', count: 501 }, items, '', 'zh-CN')).toBe(
      '意见建议最多 500 字，现为 501 字',
    );
    expect(ratingProblemText({ kind: 'comment', count: 501 }, items, '', 'en')).toBe(
      'Comments can have at most 500 characters; they have 501',
    );
  });
});

describe('ratingItemsOf', () => {
  it('names the bundle items and leaves out those the application skipped', () => {
    const bundle = {
      items: [
        { id: 'cert', name: { 'zh-CN': '出生医学证明', en: 'Birth certificate' } },
        { id: 'insurance', name: { 'zh-CN': '医保参保' } },
      ],
    } as unknown as Bundle;
    expect(ratingItemsOf(bundle, 'en')).toEqual([
      { id: 'cert', name: 'Birth certificate' },
      { id: 'insurance', name: '医保参保' },
    ]);
    const state = {
      items: { cert: { status: 'issued' }, insurance: { status: 'skipped' } },
    } as unknown as FlowState;
    expect(ratingItemsOf(bundle, 'zh-CN', state)).toEqual([{ id: 'cert', name: '出生医学证明' }]);
  });
});
