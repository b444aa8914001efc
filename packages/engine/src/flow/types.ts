/**
 * Types of the flow runtime (办件流转): the decider's state, the inputs it accepts and the effects it
 * asks its host (the runner) to perform. Everything here is plain JSON: a state can be persisted,
 * an input or effect can be written to a trace, and a restored state continues exactly where it
 * stopped. Times are ISO 8601 instants with an offset (`2025-03-20T09:30:00+08:00`) supplied by the
 * host's injected clock; dates are `YYYY-MM-DD` in China Standard Time.
 */
import type { LocalizedText } from '../bundle/types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { MaterialDecisions, OneTimeNotice } from '../form/types.js';

/** Lifecycle of the whole application (一件事 办件). */
export type ApplicationStatus =
  /** Being filled in; prechecks may run. */
  | 'draft'
  /** Submitted; items are being handled. */
  | 'inProgress'
  /** Every applicable item issued (or closed without fault). */
  | 'completed'
  /** Some items issued, others denied, refused, terminated, revoked or blocked. */
  | 'partiallyCompleted'
  /** No item reached a licence (all refused, denied, terminated…). */
  | 'unsuccessful'
  /** Withdrawn by the applicant. */
  | 'withdrawn';

/** Lifecycle of one service item (事项) inside an application. */
export type ItemStatus =
  /** Its applicability condition (情形) is false. Final. */
  | 'skipped'
  /** Waiting for the items it depends on. */
  | 'waiting'
  /** A submission to the department is in flight. */
  | 'dispatching'
  /** A transient failure; a retry is scheduled (timer). */
  | 'retryWait'
  /** The retry budget is spent; an operator may retry. Other items are unaffected. */
  | 'failed'
  /** 不予受理 at intake. Final. */
  | 'refused'
  /** 受理 (or provisionally accepted under 容缺) and under review. */
  | 'inReview'
  /** 补正: back to the applicant; the deadline clock is paused. */
  | 'correction'
  /** Decided positively; the licence waits for 容缺 materials still outstanding. */
  | 'approved'
  /** A 容缺 supply deadline passed; supplied within the grace period, the item resumes. */
  | 'suspended'
  /** Licence issued. */
  | 'issued'
  /** 不予许可 / refused on review. Final. */
  | 'denied'
  /** 容缺 material not supplied within the grace period (退件). Final. */
  | 'terminated'
  /** A 告知承诺 commitment was found false: the decision is revoked (撤销). Final. */
  | 'revoked'
  /** An item it depends on can no longer succeed. Final. */
  | 'blocked'
  /** Withdrawn with the application. Final. */
  | 'withdrawn';

/** A licence issued by a department (证照), possibly electronic. */
export interface Licence {
  /** Licence number (证照编号). */
  no: string;
  name?: LocalizedText;
  electronic?: boolean;
  /** Where an electronic licence can be fetched. */
  url?: string;
}

/** A 告知承诺 post-approval verification (核查) task of one material. */
export interface Verification {
  material: string;
  status: 'pending' | 'verified' | 'breached' | 'exempt';
  method?: string;
  /** Last day (date) by which it must be done. */
  due?: string;
  doneAt?: string;
}

/** Where a material came from, for the record (免证办 / 免提交 / 容缺 / 告知承诺). */
export interface MaterialSource {
  material: string;
  source: 'provided' | 'eLicence' | 'fromOutput' | 'deferred' | 'committed';
  /** For `fromOutput`: the item and field that produced it. */
  item?: string;
  field?: string;
  licenceNo?: string;
  /** For `deferred`: when it was supplied. */
  suppliedAt?: string;
}

/** The 限时办结 clock of one item. */
export interface ItemClock {
  /** Date of acceptance (受理日); counting starts the next working day. */
  acceptedOn: string;
  limitDays: number;
  /** Closed pauses (补正, excluded special steps). */
  paused: Array<{ from: string; to: string; reason: PauseReason }>;
  /** An open pause, if the clock is stopped now. */
  pausedSince?: { from: string; reason: PauseReason };
  /** Date the clock stopped (decision, withdrawal…). */
  stoppedOn?: string;
  /** Last day of the limit given the pauses so far (absent while paused). */
  due?: string;
  /** The 预警 warning is raised when this working day ends (`warnAtShare` of the limit used). */
  warnOn?: string;
  warned?: boolean;
  overdue?: boolean;
}

/** Why a 限时办结 clock stands still: 补正, an excluded special step, or a 容缺 suspension. */
export type PauseReason = 'correction' | 'specialStep' | 'suspension';

/** Everything the flow knows about one item of one application. */
export interface ItemFlowState {
  status: ItemStatus;
  /** Submissions so far (1 = first). Retries of one submission share its idempotency key. */
  attempts: number;
  /** Idempotency key of the current submission. */
  idempotencyKey?: string;
  receiptNo?: string;
  /** Reasons given with a refusal, denial, correction request or failure. */
  reasons?: LocalizedText[];
  licence?: Licence;
  /** Date of the positive decision (审批决定). */
  decidedOn?: string;
  /** 容缺 materials accepted missing and not yet supplied. */
  outstanding: string[];
  /** The status a 容缺 suspension interrupted, to return to once the material is supplied. */
  suspendedFrom?: 'inReview' | 'approved' | 'correction';
  /** Last day to supply the outstanding 容缺 materials, then the end of the grace period. */
  supplyDue?: string;
  graceDue?: string;
  clock?: ItemClock;
  verifications: Verification[];
  sources: MaterialSource[];
  /** When the item entered `status`. */
  since: string;
}

/** The decider's whole state of one application: JSON, persisted as is. */
export interface FlowState {
  /** Version of the state machine that wrote this state (`FLOW_MACHINE_VERSION`). */
  machineVersion: number;
  bundle: { id: string; version: string; hash: string };
  applicationId: string;
  status: ApplicationStatus;
  createdAt: string;
  submittedAt?: string;
  /** Instant of the last input; inputs never move it backwards. */
  updatedAt: string;
  /** The applicant's merged data as accepted (visible fields and computed values). */
  data: Record<string, unknown>;
  /** Outputs of issued items (出生医学证明编号, 统一社会信用代码), fed to later items' payloads. */
  outputs: Record<string, unknown>;
  materials: MaterialDecisions;
  /** The last one-time notice (一次性告知) of a precheck or a refused submission. */
  notice?: OneTimeNotice;
  items: Record<string, ItemFlowState>;
  /** Armed timers by id: absolute instants, restored by reading them back. */
  timers: Record<string, FlowTimer>;
  /** Adapter calls in flight by call id, so a restored runner can resume them with the same keys. */
  pending: Record<string, FlowEffect & { type: 'dispatch' | 'supplement' | 'withdraw' }>;
  /** Department event ids already applied (callback inbox), newest last, bounded. */
  seen: string[];
  /** Counter for call ids: ids derive from the application id and this, never from a random source. */
  seq: number;
}

export interface FlowTimer {
  id: string;
  at: string;
  purpose: TimerPurpose;
  item?: string;
  material?: string;
  /** For `resend`: the supplement or withdrawal to send again, with its next attempt number. */
  resend?: FlowEffect & { type: 'supplement' | 'withdraw' };
}

export type TimerPurpose =
  'retry' | 'resend' | 'slaWarning' | 'slaDue' | 'supplyDue' | 'graceDue' | 'verificationDue';

/** A department's reply to a submission. */
export type SubmitResult =
  | { status: 'accepted'; receiptNo: string }
  | { status: 'refused'; reasons: LocalizedText[] }
  | { status: 'failed'; transient: boolean; message: string };

/** A status update pushed or polled from a department (callback). */
export type DepartmentUpdate =
  | { status: 'inReview' }
  | { status: 'correctionRequested'; reasons: LocalizedText[] }
  | { status: 'approved' }
  | { status: 'denied'; reasons: LocalizedText[] }
  | { status: 'issued'; licence?: Licence; outputs?: Record<string, unknown> }
  /** An excluded special step (检验, 专家评审, 听证…): the clock pauses until `specialStepEnded`. */
  | { status: 'specialStep'; step: string }
  | { status: 'specialStepEnded' };

/** Everything that can happen to an application: the decider's inputs. */
export type FlowEvent =
  /** 一次性告知 without submitting. */
  | { type: 'precheck'; data: Record<string, unknown>; materials?: MaterialDecisions }
  | { type: 'submit'; data: Record<string, unknown>; materials?: MaterialDecisions }
  | { type: 'withdraw'; reason?: string }
  /** A 容缺 material supplied by the applicant. */
  | { type: 'supply'; material: string }
  /** The applicant's answer to a 补正 request: corrected fields and materials. */
  | {
      type: 'answerCorrection';
      item: string;
      data?: Record<string, unknown>;
      materials?: MaterialDecisions;
    }
  /** The result of an adapter call the runner made for effect `callId`. */
  | { type: 'adapterResult'; item: string; callId: string; result: SubmitResult | { status: 'ok' } }
  /** A department's status update; `eventId` de-duplicates repeated deliveries. */
  | { type: 'departmentUpdate'; item: string; eventId: string; update: DepartmentUpdate }
  /** The outcome of a 告知承诺 verification (核查). */
  | {
      type: 'verificationResult';
      item: string;
      material: string;
      result: 'verified' | 'breached';
      note?: string;
    }
  /** A timer became due (the runner fires it from the injected clock). */
  | { type: 'timer'; id: string }
  /** An operator retries a failed item. */
  | { type: 'operatorRetry'; item: string };

/** One input as the decider sees it: the event and the instant the host's clock gave it. */
export interface FlowInput {
  at: string;
  event: FlowEvent;
}

/** What the flow tells the outside world (notifications, SLA, credit records). */
export type FlowNotification =
  | { kind: 'notice'; notice: OneTimeNotice }
  | { kind: 'itemStatus'; item: string; from: ItemStatus; to: ItemStatus }
  | { kind: 'applicationStatus'; from: ApplicationStatus; to: ApplicationStatus }
  | { kind: 'slaWarning'; item: string; due: string; remainingDays: number }
  | { kind: 'overdue'; item: string; due: string }
  | { kind: 'supplyOverdue'; item: string; materials: string[]; graceDue?: string }
  | { kind: 'verificationOverdue'; item: string; material: string; due: string }
  /** A supplement or withdrawal that could not be delivered: an operator must follow up. */
  | { kind: 'callFailed'; item: string; call: 'supplement' | 'withdraw'; message: string }
  /**
   * A revoked item's issued dependants (their decisions rested on its licence): for the departments
   * to review. The flow does not revoke them itself; each department decides under its own law.
   */
  | { kind: 'dependantsAffected'; item: string; dependants: string[] }
  /** A false 告知承诺 commitment: to be entered in the credit record (信用记录). */
  | { kind: 'creditRecord'; item: string; material: string; applicationId: string; note?: string };

/** An effect the decider asks the host to perform; data, never performed by the decider. */
export type FlowEffect =
  | {
      type: 'dispatch';
      callId: string;
      item: string;
      department: string;
      idempotencyKey: string;
      attempt: number;
      /** The item's payload in the department's own field names. */
      payload: Record<string, unknown>;
      /** How each of the item's materials is satisfied. */
      materials: MaterialSource[];
    }
  | {
      type: 'supplement';
      callId: string;
      item: string;
      department: string;
      idempotencyKey: string;
      /** Materials supplied (容缺) or corrected. */
      materials: string[];
      /** For an answered correction: the item's whole corrected payload. */
      payload?: Record<string, unknown>;
      /** Delivery attempt (retries of one supplement share its idempotency key). */
      attempt?: number;
    }
  | {
      type: 'withdraw';
      callId: string;
      item: string;
      department: string;
      idempotencyKey: string;
      receiptNo?: string;
      attempt?: number;
    }
  /** A 核查 task for the department (or the verification office). */
  | { type: 'verify'; item: string; material: string; method?: string; due: string }
  | { type: 'setTimer'; timer: FlowTimer }
  | { type: 'cancelTimer'; id: string }
  | { type: 'notify'; notification: FlowNotification };

/** The decider's answer to one input. */
export interface FlowDecision {
  state: FlowState;
  effects: FlowEffect[];
  /** Why an input was ignored or changed nothing (unknown event in this state, duplicate, bad shape). */
  diagnostics: Diagnostic[];
}

/** Retry policy of department calls. */
export interface RetryPolicy {
  /** Attempts of one submission before the item goes to `failed` (default 5). */
  maxAttempts: number;
  /** First backoff in milliseconds (default 60 000). */
  baseDelayMs: number;
  /** Cap of the backoff (default 3 600 000). */
  maxDelayMs: number;
}
