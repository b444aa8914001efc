/**
 * The interface each department's backend implements (部门对接适配器). The runner calls it for the
 * decider's `dispatch`, `supplement` and `withdraw` effects and feeds the results back as events.
 * Every call carries an idempotency key: a department that sees the same key twice must apply it once.
 * Calls are cancellable through `signal`; an adapter never throws for a department's failure but
 * answers `{ status: 'failed', transient, message }` (the runner also turns a throw or a reply of the
 * wrong shape into such a failure).
 */
import type { DepartmentUpdate, MaterialSource, SubmitResult } from '../flow/types.js';

/**
 * The part of the Web platform's `AbortSignal` the adapters use. Typed structurally because the engine
 * compiles without DOM or Node types; a real `AbortSignal` (browsers, Node 20) is one.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export interface CallOptions {
  /** Aborted when the runner gives up on the call (timeout, shutdown). */
  signal: AbortSignalLike;
  /** The runner's clock at the call, ISO 8601. Adapters never read the system clock for decisions. */
  now: string;
}

export interface SubmitRequest {
  applicationId: string;
  item: string;
  department: string;
  idempotencyKey: string;
  attempt: number;
  payload: Record<string, unknown>;
  materials: MaterialSource[];
}

export interface SupplementRequest {
  applicationId: string;
  item: string;
  department: string;
  idempotencyKey: string;
  /** Idempotency key of the item's current submission (the one `submit` carried), which this call concerns. */
  submissionKey: string;
  receiptNo?: string;
  materials: string[];
  payload?: Record<string, unknown>;
}

export interface WithdrawRequest {
  applicationId: string;
  item: string;
  department: string;
  idempotencyKey: string;
  /** Idempotency key of the item's current submission (the one `submit` carried), which this call concerns. */
  submissionKey: string;
  receiptNo?: string;
}

/** The answer to `supplement` and `withdraw`. */
export type CallResult = { status: 'ok' } | { status: 'failed'; transient: boolean; message: string };

/** One status update from a department, as polled or pushed. */
export interface UpdateEnvelope {
  /** The department's own event id: repeated deliveries of one id are applied once. */
  eventId: string;
  applicationId: string;
  item: string;
  update: DepartmentUpdate;
}

export interface PollRequest {
  applicationId: string;
  item: string;
  /** Idempotency key of the item's current submission: HTTP departments address a submission by it. */
  submissionKey: string;
  receiptNo?: string;
}

/** A department backend, as the runner sees it. */
export interface DepartmentAdapter {
  submit(request: SubmitRequest, options: CallOptions): Promise<SubmitResult>;
  supplement(request: SupplementRequest, options: CallOptions): Promise<CallResult>;
  withdraw(request: WithdrawRequest, options: CallOptions): Promise<CallResult>;
  /** Updates not yet delivered, for departments without callbacks. */
  poll?(request: PollRequest, options: CallOptions): Promise<UpdateEnvelope[]>;
  /**
   * For departments whose API is not idempotent: whether a submission with this key already exists
   * there, and its result. The runner asks before re-sending a call that was in flight at a crash.
   */
  reconcile?(request: SubmitRequest, options: CallOptions): Promise<SubmitResult | undefined>;
}

/** Adapters by department id (or by item id, which wins). */
export type AdapterMap = Record<string, DepartmentAdapter>;
