import type { Diagnostic, Lang } from '@onething/engine/runtime';
import type { Ref } from 'preact';
import { t } from '../i18n/messages.js';

export interface ErrorSummaryProps {
  /** Errors of the fields the applicant can fix, by field key, in display order. */
  errors: Array<{ key: string; label: string; diagnostics: Diagnostic[] }>;
  lang: Lang;
  idPrefix: string;
  /** Receives focus after a failed submit. */
  summaryRef?: Ref<HTMLDivElement>;
  onJump(key: string): void;
}

/** The list of every problem with a link to each field; announced, and focused after a failed submit. */
export function ErrorSummary({ errors, lang, idPrefix, summaryRef, onJump }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
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
        {errors.map((entry) => (
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
    </div>
  );
}
