import type { Diagnostic, Lang } from '@onething/engine/runtime';
import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n/messages.js';

/** How many problems the summary lists before it offers to show the rest. */
export const SUMMARY_LIMIT = 20;

export interface ErrorSummaryProps {
  /** Errors of the fields the applicant can fix, by field key, in display order. */
  errors: Array<{ key: string; label: string; diagnostics: Diagnostic[] }>;
  lang: Lang;
  idPrefix: string;
  /** Receives focus after a failed submit. */
  summaryRef?: Ref<HTMLDivElement>;
  /** List at most this many at first (default {@link SUMMARY_LIMIT}); a button shows the rest. */
  limit?: number;
  onJump(key: string): void;
}

/**
 * The list of problems with a link to each field; announced, and focused after a failed submit. A long
 * list (a blank 2,000-field form has hundreds) starts with the first `limit` and says how many more
 * there are, with a button that lists them all: every field still shows its own error.
 */
export function ErrorSummary({
  errors,
  lang,
  idPrefix,
  summaryRef,
  limit = SUMMARY_LIMIT,
  onJump,
}: ErrorSummaryProps) {
  const [all, setAll] = useState(false);
  if (errors.length === 0) return null;
  const listed = all ? errors : errors.slice(0, limit);
  const more = errors.length - listed.length;
  return (
    <div
      class="ot-summary"
      role="alert"
      tabIndex={-1}
      ref={summaryRef}
      aria-labelledby={`${idPrefix}-summary-title`}
    >
      <h2 class="ot-summary-title" id={`${idPrefix}-summary-title`}>
        {t(lang, 'errorSummary', { count: errors.length })}
      </h2>
      <ul>
        {listed.map((entry) => (
          <li key={entry.key}>
            <a
              href={`#${idPrefix}-${entry.key}`}
              onClick={(event) => {
                event.preventDefault();
                onJump(entry.key);
              }}
            >
              {entry.label}: {entry.diagnostics.map((d) => d.messages[lang]).join(' ')}
            </a>
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <p class="ot-summary-more">
          {t(lang, 'summaryMore', { count: more })}{' '}
          <button type="button" class="ot-button ot-button--secondary" onClick={() => setAll(true)}>
            {t(lang, 'summaryShowAll', { count: errors.length })}
          </button>
        </p>
      ) : null}
    </div>
  );
}
