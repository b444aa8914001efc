import {
  createWorkCalendar,
  localize,
  type Bundle,
  type FlowState,
  type Lang,
  type WorkCalendar,
} from '@onething/engine/runtime';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/messages.js';
import { ts } from '../i18n/statusMessages.js';
import { applicationStatusText } from './applicationStatusText.js';
import { itemName, orderedItemIds } from './bundleNames.js';
import { ItemStatusEntry } from './ItemStatusEntry.js';
import { statusChanges } from './statusChanges.js';

export interface StatusViewProps {
  /** A flow snapshot (from the runner, or polled from the host's server). */
  state: FlowState;
  /** The bundle, for item, department and material names; ids are shown without it. */
  bundle?: Bundle | undefined;
  lang: Lang;
  /** Today (YYYY-MM-DD, China time), injected: countdowns are counted from it. */
  today: string;
  /** Working-day calendar; default: the built-in State Council notices. */
  calendar?: WorkCalendar | undefined;
  /** Base for relative licence URLs (the element passes `document.baseURI`). */
  baseUrl?: string | undefined;
  /** A refresh that failed, shown above the last good snapshot. */
  error?: string | undefined;
  /** Prefix of element ids, unique on the page (default `ot-status`). */
  idPrefix?: string | undefined;
}

let defaultCalendar: WorkCalendar | undefined;

/**
 * An application's progress: its status, then each applicable item in an ordered list (status in
 * words, receipt number, working days left, 容缺 and 核查 deadlines, licence, reasons), the skipped
 * items quietly at the end. Status changes between snapshots are announced in a live region.
 *
 * @example
 * <StatusView state={snapshot} bundle={bundle} lang="zh-CN" today="2025-10-09" />
 */
export function StatusView({
  state,
  bundle,
  lang,
  today,
  calendar,
  baseUrl,
  error,
  idPrefix = 'ot-status',
}: StatusViewProps) {
  const workCalendar = calendar ?? (defaultCalendar ??= createWorkCalendar());
  const previous = useRef<FlowState | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (previous.current && previous.current !== state) {
      const changes = statusChanges(previous.current, state, bundle, lang);
      if (changes.length > 0) setAnnouncement(changes.join(t(lang, 'separator')));
    }
    previous.current = state;
  }, [state, bundle, lang]);

  const ids = orderedItemIds(state, bundle);
  const applicable = ids.filter((id) => state.items[id]!.status !== 'skipped');
  const skipped = ids.filter((id) => state.items[id]!.status === 'skipped');
  return (
    <section class="ot-status" aria-labelledby={`${idPrefix}-title`}>
      <h2 class="ot-status-title" id={`${idPrefix}-title`}>
        {bundle ? localize(bundle.title, lang) : ts(lang, 'statusHeading')}
      </h2>
      {error ? (
        <p class="ot-load-error" role="alert">
          {ts(lang, 'statusRefreshFailed', { reason: error })}
        </p>
      ) : null}
      <dl class="ot-status-summary">
        <div class="ot-status-fact">
          <dt>{ts(lang, 'statusApplication')}</dt>
          <dd class="ot-status-badge">{applicationStatusText(state.status, lang)}</dd>
        </div>
        <div class="ot-status-fact">
          <dt>{ts(lang, 'statusApplicationId')}</dt>
          <dd>{state.applicationId}</dd>
        </div>
        {state.submittedAt ? (
          <div class="ot-status-fact">
            <dt>{ts(lang, 'statusSubmittedAt')}</dt>
            <dd>{state.submittedAt.slice(0, 10)}</dd>
          </div>
        ) : null}
      </dl>
      <ol class="ot-status-list" aria-label={ts(lang, 'statusItems')}>
        {applicable.map((id) => (
          <ItemStatusEntry
            key={id}
            id={id}
            item={state.items[id]!}
            bundle={bundle}
            lang={lang}
            today={today}
            calendar={workCalendar}
            baseUrl={baseUrl}
          />
        ))}
      </ol>
      {skipped.length > 0 ? (
        <p class="ot-status-skipped">
          {ts(lang, 'statusSkipped', {
            items: skipped.map((id) => itemName(bundle, id, lang)).join(t(lang, 'separator')),
          })}
        </p>
      ) : null}
      <p class="ot-visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
