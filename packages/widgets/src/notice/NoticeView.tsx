import type { FormState, Lang, NoticeEntry, OneTimeNotice } from '@onething/engine/runtime';
import { localize } from '@onething/engine/runtime';
import { t } from '../i18n/messages.js';
import { noticeTargetId } from './noticeTargetId.js';
import { printPage } from './printPage.js';

export interface NoticeViewProps {
  notice: OneTimeNotice;
  state: FormState;
  lang: Lang;
  /** Unique per form on the page: prefixes every DOM id. */
  idPrefix: string;
  /** The applicant wants to fix an entry: focus its field or material card (see `noticeTargetId`). */
  onJump(entry: NoticeEntry): void;
}

/**
 * 一次性告知: everything still missing or wrong, at once, grouped by the departments that need it, each
 * entry with its reasons and a link to where it is fixed; printable. An empty notice says so.
 *
 * @example
 * <NoticeView notice={state.notice()} state={state} lang="zh-CN" idPrefix="f1"
 *   onJump={(entry) => focusById(noticeTargetId('f1', entry))} />
 */
export function NoticeView({ notice, state, lang, idPrefix, onJump }: NoticeViewProps) {
  const titleId = `${idPrefix}-notice-title`;
  if (notice.entries.length === 0) {
    return (
      <div class="ot-notice ot-notice--complete" role="status">
        <h2 class="ot-notice-title" id={titleId}>
          {t(lang, 'noticeComplete')}
        </h2>
      </div>
    );
  }
  return (
    <section class="ot-notice" aria-labelledby={titleId}>
      <div class="ot-notice-head">
        <h2 class="ot-notice-title" id={titleId}>
          {t(lang, 'noticeTitle', { count: notice.entries.length })}
        </h2>
        <p class="ot-notice-bundle">{localize(state.compiled.bundle.title, lang)}</p>
        <button type="button" class="ot-button ot-button--secondary ot-notice-print" onClick={printPage}>
          {t(lang, 'noticePrint')}
        </button>
      </div>
      {notice.byDepartment.map((group) => {
        const groupId = `${idPrefix}-notice-${group.department}`;
        return (
          <section class="ot-notice-group" key={group.department} aria-labelledby={groupId}>
            <h3 class="ot-notice-department" id={groupId}>
              {t(lang, 'noticeDepartment', {
                department: localize(group.name, lang),
                count: group.entries.length,
              })}
            </h3>
            <ul class="ot-notice-list">
              {group.entries.map((entry) => (
                <li
                  class={`ot-notice-entry ot-notice-entry--${entry.kind}`}
                  key={`${entry.kind}:${entry.key}`}
                >
                  <span class="ot-notice-kind">
                    {t(lang, entry.kind === 'material' ? 'noticeMaterial' : 'noticeField')}
                  </span>{' '}
                  <a
                    class="ot-notice-link"
                    href={`#${noticeTargetId(idPrefix, entry)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      onJump(entry);
                    }}
                  >
                    {localize(entry.label, lang)}
                  </a>
                  <ul class="ot-notice-reasons">
                    {entry.diagnostics.map((d, i) => (
                      <li key={i}>{d.messages[lang]}</li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
