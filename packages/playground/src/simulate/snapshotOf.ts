import type {
  CompiledBundle,
  FlowState,
  Lang,
  LocalizedText,
  OneTimeNotice,
  WorkCalendar,
} from '@onething/engine';
import type { ItemOutcomes } from './ItemOutcome.js';
import { DEFAULT_OUTCOME } from './outcomeScript.js';
import type {
  IssuedLicence,
  NoticeGroup,
  PendingSupply,
  PendingVerification,
  SimulatedItem,
  SimulationMessage,
  SimulationSnapshot,
  SlaWarning,
  TimelineEntry,
} from './SimulationSnapshot.js';
import { statusName } from './simulateMessages.js';

/** A bundle text in `lang`, falling back to zh-CN. */
export function textOf(text: LocalizedText | undefined, lang: Lang): string {
  if (!text) return '';
  return lang === 'en' ? (text.en ?? text['zh-CN']) : text['zh-CN'];
}

/** Everything `snapshotOf` reads. */
export interface SnapshotSources {
  compiled: CompiledBundle;
  calendar: WorkCalendar;
  lang: Lang;
  state: FlowState;
  now: string;
  outcomes: ItemOutcomes;
  warnings: SlaWarning[];
  timeline: TimelineEntry[];
  messages: SimulationMessage[];
  nextTimerAt?: string;
  busy: boolean;
}

/**
 * Item statuses (once submitted) in which the department has no call of the item in flight, so its
 * outcome may still change: not sent yet, or failed before it took effect.
 */
export const OUTCOME_EDITABLE: ReadonlySet<string> = new Set(['waiting', 'retryWait', 'failed']);

/**
 * The simulator's snapshot of a flow state: item rows with 限时办结 days left, 容缺 supplies,
 * 告知承诺 verifications, licences and the one-time notice, in the UI language.
 */
export function snapshotOf(sources: SnapshotSources): SimulationSnapshot {
  const { compiled, state, lang } = sources;
  const { bundle } = compiled;
  const today = sources.now.slice(0, 10);
  const itemName = (id: string) => textOf(bundle.items.find((i) => i.id === id)?.name, lang) || id;
  const materialName = (id: string) => textOf(bundle.materials?.[id]?.name, lang) || id;
  const items: SimulatedItem[] = [];
  const licences: IssuedLicence[] = [];
  const supplies = new Map<string, PendingSupply>();
  const verifications: PendingVerification[] = [];
  for (const item of bundle.items) {
    const flowItem = state.items[item.id];
    if (!flowItem) continue;
    const department = bundle.departments[item.department];
    const clock = flowItem.clock;
    const row: SimulatedItem = {
      id: item.id,
      name: itemName(item.id),
      department: textOf(department?.shortName ?? department?.name, lang) || item.department,
      status: flowItem.status,
      statusText: statusName(flowItem.status, lang),
      attempts: flowItem.attempts,
      limitDays: item.promisedLimitDays,
      warned: clock?.warned === true,
      overdue: clock?.overdue === true,
      reasons: (flowItem.reasons ?? []).map((r) => textOf(r, lang)),
      outcome: sources.outcomes[item.id] ?? DEFAULT_OUTCOME,
      outcomeEditable: state.status === 'draft' || OUTCOME_EDITABLE.has(flowItem.status),
      canAnswerCorrection: flowItem.status === 'correction',
      canRetry: flowItem.status === 'failed',
    };
    if (flowItem.receiptNo !== undefined) row.receiptNo = flowItem.receiptNo;
    if (clock?.pausedSince) row.paused = clock.pausedSince.reason;
    if (clock?.due !== undefined) {
      row.due = clock.due;
      if (clock.stoppedOn === undefined) row.daysLeft = sources.calendar.workingDaysBetween(today, clock.due);
    }
    items.push(row);
    if (flowItem.licence && (flowItem.status === 'issued' || flowItem.status === 'revoked')) {
      const licence: IssuedLicence = {
        item: item.id,
        itemName: row.name,
        no: flowItem.licence.no,
        electronic: flowItem.licence.electronic === true,
      };
      if (flowItem.licence.name) licence.name = textOf(flowItem.licence.name, lang);
      licences.push(licence);
    }
    for (const material of flowItem.outstanding) {
      const entry = supplies.get(material) ?? {
        material,
        name: materialName(material),
        items: [],
        suspended: false,
      };
      entry.items.push(item.id);
      if (flowItem.supplyDue && (!entry.due || flowItem.supplyDue < entry.due))
        entry.due = flowItem.supplyDue;
      if (flowItem.graceDue && (!entry.graceDue || flowItem.graceDue < entry.graceDue))
        entry.graceDue = flowItem.graceDue;
      if (flowItem.status === 'suspended') entry.suspended = true;
      supplies.set(material, entry);
    }
    for (const v of flowItem.verifications) {
      const entry: PendingVerification = {
        item: item.id,
        itemName: row.name,
        material: v.material,
        name: materialName(v.material),
        status: v.status,
      };
      if (v.method !== undefined) entry.method = v.method;
      if (v.due !== undefined) entry.due = v.due;
      verifications.push(entry);
    }
  }
  const snapshot: SimulationSnapshot = {
    lang,
    applicationId: state.applicationId,
    now: sources.now,
    today,
    status: state.status,
    statusText: statusName(state.status, lang),
    busy: sources.busy,
    items,
    supplies: [...supplies.values()],
    verifications,
    warnings: sources.warnings,
    licences,
    timeline: sources.timeline,
    messages: sources.messages,
    canSubmit: state.status === 'draft',
    canWithdraw: state.status === 'inProgress',
  };
  if (sources.nextTimerAt !== undefined) snapshot.nextTimerAt = sources.nextTimerAt;
  if (state.status === 'draft' && state.notice && !state.notice.ok)
    snapshot.notice = noticeGroups(state.notice, lang);
  return snapshot;
}

function noticeGroups(notice: OneTimeNotice, lang: Lang): NoticeGroup[] {
  return notice.byDepartment.map((group) => ({
    department: textOf(group.name, lang),
    entries: group.entries.map((entry) => ({
      key: entry.key,
      label: textOf(entry.label, lang),
      reasons: entry.diagnostics.map((d) => d.messages[lang]),
    })),
  }));
}
