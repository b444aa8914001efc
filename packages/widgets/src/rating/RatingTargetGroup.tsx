import type { Lang } from '@onething/engine/runtime';
import { ts } from '../i18n/statusMessages.js';
import {
  RATING_LEVELS,
  RATING_REASONS,
  REASON_BELOW,
  ratingLevelText,
  ratingReasonText,
  type RatingLevel,
  type RatingReason,
} from './ratingLevels.js';

export interface RatingTargetGroupProps {
  /** Unique on the page; names the radio group and ids. */
  id: string;
  label: string;
  level: RatingLevel | undefined;
  reasons: readonly RatingReason[];
  required: boolean;
  /** The problem with this target, in words, once the applicant has tried to submit. */
  error: string | undefined;
  lang: Lang;
  onLevel(level: RatingLevel): void;
  onReasons(reasons: RatingReason[]): void;
}

/**
 * The five levels of one target as native radio inputs (arrow keys move between them), and, for a
 * level below 3, the reasons to choose from.
 */
export function RatingTargetGroup(props: RatingTargetGroupProps) {
  const { id, label, level, reasons, required, error, lang } = props;
  const errorId = `${id}-error`;
  const low = level !== undefined && level < REASON_BELOW;
  const toggle = (reason: RatingReason, on: boolean) =>
    props.onReasons(RATING_REASONS.filter((r) => (r === reason ? on : reasons.includes(r))));
  return (
    <div class={`ot-rating-target${error ? ' ot-rating-target--invalid' : ''}`}>
      <fieldset
        class="ot-rating-group"
        id={id}
        role="radiogroup"
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        <legend>
          {label}
          {required ? null : <span class="ot-required"> ({ts(lang, 'optional')})</span>}
        </legend>
        <div class="ot-choices">
          {RATING_LEVELS.map((value) => (
            <label class="ot-choice" key={value}>
              <input
                type="radio"
                name={id}
                value={String(value)}
                checked={level === value}
                onChange={() => props.onLevel(value)}
              />
              {ratingLevelText(value, lang)}
            </label>
          ))}
        </div>
      </fieldset>
      {low ? (
        <fieldset class="ot-rating-reasons" aria-describedby={error ? errorId : undefined}>
          <legend>{ts(lang, 'ratingReasons')}</legend>
          <div class="ot-choices">
            {RATING_REASONS.map((reason) => (
              <label class="ot-choice" key={reason}>
                <input
                  type="checkbox"
                  name={`${id}-reason`}
                  value={reason}
                  checked={reasons.includes(reason)}
                  onChange={(event) => toggle(reason, (event.currentTarget as HTMLInputElement).checked)}
                />
                {ratingReasonText(reason, lang)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      {error ? (
        <p class="ot-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
