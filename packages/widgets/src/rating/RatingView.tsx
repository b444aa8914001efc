import type { Lang } from '@onething/engine/runtime';
import { useRef, useState } from 'preact/hooks';
import { t } from '../i18n/messages.js';
import { ts } from '../i18n/statusMessages.js';
import {
  checkRating,
  emptyRatingDraft,
  itemKey,
  ratingProblemText,
  type RatingDetail,
  type RatingDraft,
  type RatingItem,
  type RatingProblem,
  type RatingTargetKey,
} from './checkRating.js';
import { COMMENT_MAX } from './ratingLevels.js';
import { RatingTargetGroup } from './RatingTargetGroup.js';

export interface RatingViewProps {
  /** What is rated as a whole (the bundle's title); the heading says 服务评价 without it. */
  title?: string | undefined;
  items: readonly RatingItem[];
  lang: Lang;
  /** Prefix of element ids, unique on the page. */
  idPrefix: string;
  /** Require a level for every item, not only the overall one. */
  requireItems?: boolean | undefined;
  /** A draft to start from (restored, or in tests). */
  initial?: RatingDraft | undefined;
  onRate(detail: RatingDetail): void;
}

/**
 * 好差评: the five national levels for the bundle as a whole and for each item, reasons for a low
 * level, an optional comment. Problems show after the first submit, in a summary that takes focus
 * and beside each group; a valid rating calls `onRate` once and is replaced by a thank-you.
 *
 * @example
 * <RatingView title="新生儿出生一件事" items={[{ id: 'birthCert', name: '出生医学证明' }]} lang="zh-CN"
 *   idPrefix="r1" onRate={(detail) => send(detail)} />
 */
export function RatingView({ title, items, lang, idPrefix, requireItems, initial, onRate }: RatingViewProps) {
  const [draft, setDraft] = useState<RatingDraft>(initial ?? emptyRatingDraft());
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const options = { requireItems: requireItems ?? false };
  const check = checkRating(draft, items, options);
  const problems: RatingProblem[] = tried && !check.ok ? check.problems : [];
  const overallName = title
    ? ts(lang, 'labelValue', { label: ts(lang, 'ratingOverall'), value: title })
    : ts(lang, 'ratingOverall');
  const text = (problem: RatingProblem) => ratingProblemText(problem, items, overallName, lang);
  const problemOf = (key: RatingTargetKey) => {
    const found = problems.find((p) => p.kind !== 'comment' && p.target === key);
    return found ? text(found) : undefined;
  };
  const commentProblem = problems.find((p) => p.kind === 'comment');

  if (done) {
    return (
      <p class="ot-rating-thanks" role="status">
        {ts(lang, 'ratingThanks')}
      </p>
    );
  }
  const group = (key: RatingTargetKey, label: string, required: boolean) => (
    <RatingTargetGroup
      key={key}
      id={`${idPrefix}-${key.replace(':', '-')}`}
      label={label}
      level={draft.levels[key]}
      reasons={draft.reasons[key] ?? []}
      required={required}
      error={problemOf(key)}
      lang={lang}
      onLevel={(level) => setDraft((d) => ({ ...d, levels: { ...d.levels, [key]: level } }))}
      onReasons={(reasons) => setDraft((d) => ({ ...d, reasons: { ...d.reasons, [key]: reasons } }))}
    />
  );
  const commentId = `${idPrefix}-comment`;
  return (
    <form
      class="ot-rating"
      noValidate
      aria-labelledby={`${idPrefix}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (check.ok) {
          setDone(true);
          onRate(check.detail);
        } else {
          setTried(true);
          // After the summary renders: focus takes a screen reader to it.
          queueMicrotask(() => summary.current?.focus());
        }
      }}
    >
      <h2 class="ot-rating-title" id={`${idPrefix}-title`}>
        {ts(lang, 'ratingHeading')}
      </h2>
      {problems.length > 0 ? (
        <div class="ot-summary" role="alert" tabIndex={-1} ref={summary}>
          <p class="ot-summary-title">{t(lang, 'errorSummary', { count: problems.length })}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{text(problem)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {group('overall', overallName, true)}
      {items.map((item) => group(itemKey(item.id), item.name, options.requireItems))}
      <div class={`ot-field${commentProblem ? ' ot-field--invalid' : ''}`}>
        <label class="ot-label" for={commentId}>
          {ts(lang, 'ratingComment', { max: COMMENT_MAX })}
        </label>
        <textarea
          class="ot-textarea"
          id={commentId}
          maxLength={COMMENT_MAX}
          value={draft.comment}
          aria-invalid={commentProblem ? 'true' : undefined}
          aria-describedby={`${commentId}-count${commentProblem ? ` ${commentId}-error` : ''}`}
          onInput={(event) => {
            const comment = (event.currentTarget as HTMLTextAreaElement).value;
            setDraft((d) => ({ ...d, comment }));
          }}
        />
        <p class="ot-rating-count" id={`${commentId}-count`}>
          {[...draft.comment.trim()].length}/{COMMENT_MAX}
        </p>
        {commentProblem ? (
          <p class="ot-error" id={`${commentId}-error`}>
            {text(commentProblem)}
          </p>
        ) : null}
      </div>
      <div class="ot-actions">
        <button class="ot-button" type="submit">
          {ts(lang, 'ratingSubmit')}
        </button>
      </div>
    </form>
  );
}
