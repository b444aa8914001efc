import type { Diagnostic, Severity } from '@onething/engine';
import { EDITOR_MESSAGES } from './editorMessages.js';
import './editor.css';

export interface ProblemsListProps {
  diagnostics: readonly Diagnostic[];
  lang: 'zh-CN' | 'en';
  /** Called with the diagnostic (or, for a related place, a copy positioned there) to move the cursor. */
  onJump(d: Diagnostic): void;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** Diagnostics sorted by position; those without a line come last. */
function byLine(a: Diagnostic, b: Diagnostic): number {
  return (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0);
}

/**
 * Every problem of the bundle: counts per severity, then one button per diagnostic (severity as text,
 * line:column, code and message) that moves the editor there, plus one per related place.
 *
 * @example
 * <ProblemsList diagnostics={loaded.diagnostics} lang="en" onJump={(d) => editor.focusAt(d.line ?? 1, d.column ?? 1)} />
 */
export function ProblemsList({ diagnostics, lang, onJump }: ProblemsListProps) {
  const t = EDITOR_MESSAGES[lang];
  const sorted = [...diagnostics].sort(byLine);
  return (
    <section class="ot-problems" aria-label={t.problemsTitle}>
      <h2 class="ot-problems-title">
        {t.problemsTitle}
        <span class="ot-problems-counts">
          {SEVERITIES.map((s) => (
            <span key={s} class={`ot-count ot-count-${s}`}>
              {t.count(diagnostics.filter((d) => d.severity === s).length, s)}
            </span>
          ))}
        </span>
      </h2>
      {sorted.length === 0 ? (
        <p class="ot-problems-empty">{t.noProblems}</p>
      ) : (
        <ul class="ot-problems-list">
          {sorted.map((d, i) => (
            <li
              key={`${d.code}-${d.path}-${d.line ?? ''}-${i}`}
              class={`ot-problem ot-problem-${d.severity}`}
            >
              <button type="button" class="ot-problem-jump" onClick={() => onJump(d)}>
                {/* Spaces between the parts: the button's text is its accessible name. */}
                <span class="ot-problem-severity">{t.severity[d.severity]}</span>{' '}
                <span class="ot-problem-position">
                  {d.line === undefined ? t.noPosition : t.position(d.line, d.column ?? 1)}
                </span>{' '}
                <code class="ot-problem-code">{d.code}</code>{' '}
                <span class="ot-problem-message">{d.messages?.[lang] ?? d.message}</span>
              </button>
              {(d.related ?? []).some((r) => r.line !== undefined) && (
                <span class="ot-problem-related">
                  {t.related}:
                  {(d.related ?? []).map((r, j) =>
                    r.line === undefined ? null : (
                      <button
                        key={j}
                        type="button"
                        class="ot-problem-related-jump"
                        aria-label={`${t.relatedAt(r.line, r.column ?? 1)} (${t.position(r.line, r.column ?? 1)})`}
                        onClick={() => onJump({ ...d, path: r.path, line: r.line, column: r.column ?? 1 })}
                      >
                        {t.position(r.line, r.column ?? 1)}
                      </button>
                    ),
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
