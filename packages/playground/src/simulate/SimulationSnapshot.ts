/**
 * What the simulator shows at one moment (办件模拟的快照): plain data, already in the UI language,
 * so a view renders it without knowing the engine.
 */
import type { ApplicationStatus, ItemStatus, Lang, PauseReason } from '@onething/engine';
import type { ItemOutcome } from './ItemOutcome.js';

/** One item (事项) row of the state table. */
export interface SimulatedItem {
  id: string;
  name: string;
  department: string;
  status: ItemStatus;
  statusText: string;
  /** Submissions made to the department (retries of one submission count once). */
  attempts: number;
  receiptNo?: string;
  /** 承诺时限, working days (0 = 即办). */
  limitDays: number;
  /** Last day of the limit, when the clock runs. */
  due?: string;
  /** Working days from today to `due` (negative when overdue). */
  daysLeft?: number;
  /** Why the 限时办结 clock stands still, when it does. */
  paused?: PauseReason;
  warned: boolean;
  overdue: boolean;
  /** Reasons of a refusal, denial, 补正 request or failure, in the UI language. */
  reasons: string[];
  /** The outcome the simulated department follows. */
  outcome: ItemOutcome;
  /** Whether the outcome can still change (the item has not reached its department yet). */
  outcomeEditable: boolean;
  /** The applicant can answer a 补正 request now. */
  canAnswerCorrection: boolean;
  /** An operator can retry the failed submission now. */
  canRetry: boolean;
}

/** A 容缺 material still to supply. */
export interface PendingSupply {
  material: string;
  name: string;
  /** Items waiting for it. */
  items: string[];
  /** The earliest supply deadline among those items, and the end of the grace period. */
  due?: string;
  graceDue?: string;
  /** An item is suspended (中止) because the deadline passed. */
  suspended: boolean;
}

/** A 告知承诺 verification (核查) of one material of one item. */
export interface PendingVerification {
  item: string;
  itemName: string;
  material: string;
  name: string;
  status: 'pending' | 'verified' | 'breached' | 'exempt';
  method?: string;
  due?: string;
}

/** A 预警 or 超期 raised by the flow. */
export interface SlaWarning {
  item: string;
  itemName: string;
  kind: 'slaWarning' | 'overdue';
  due: string;
  /** When it was raised (virtual time). */
  at: string;
}

/** A licence issued (证照). */
export interface IssuedLicence {
  item: string;
  itemName: string;
  no: string;
  name?: string;
  electronic: boolean;
}

/** The one-time notice (一次性告知) of a refused submission, grouped by department. */
export interface NoticeGroup {
  department: string;
  entries: Array<{ key: string; label: string; reasons: string[] }>;
}

/** One line of the timeline. */
export interface TimelineEntry {
  n: number;
  at: string;
  text: string;
}

/** A message about the last action (an ignored input, a bad number…), in the UI language. */
export interface SimulationMessage {
  code: string;
  severity: 'error' | 'warning' | 'info';
  text: string;
}

/** Everything the simulator shows. */
export interface SimulationSnapshot {
  lang: Lang;
  applicationId: string;
  /** Virtual time, ISO 8601 in Beijing time, and its date. */
  now: string;
  today: string;
  status: ApplicationStatus;
  statusText: string;
  /** An action is running; the buttons wait. */
  busy: boolean;
  items: SimulatedItem[];
  notice?: NoticeGroup[];
  supplies: PendingSupply[];
  verifications: PendingVerification[];
  warnings: SlaWarning[];
  licences: IssuedLicence[];
  timeline: TimelineEntry[];
  /** The earliest armed timer, if any. */
  nextTimerAt?: string;
  /** Messages of the last action. */
  messages: SimulationMessage[];
  /** Whether the application can still be submitted, withdrawn. */
  canSubmit: boolean;
  canWithdraw: boolean;
}
