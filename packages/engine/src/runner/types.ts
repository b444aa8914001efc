/**
 * Types of the runner: the in-process host that performs the decider's effects, fires due timers
 * from an injected clock and persists each application through a small store interface.
 */
import type { AdapterMap } from '../adapters/types.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Flow } from '../flow/createFlow.js';
import type { FlowDecision, FlowEvent, FlowInput, FlowState } from '../flow/types.js';

/** What is persisted per application: the whole decider state (pending calls and timers included). */
export interface FlowRecord {
  /** Increases by one with every saved decision; stores use it for optimistic concurrency. */
  revision: number;
  state: FlowState;
}

/** Where the runner keeps applications. The in-memory store is here; durable ones come with the server. */
export interface FlowStore {
  load(applicationId: string): Promise<FlowRecord | undefined>;
  /** Save `record`; fails (returns false) when the stored revision is not `record.revision - 1`. */
  save(applicationId: string, record: FlowRecord): Promise<boolean>;
  list(): Promise<string[]>;
}

/** The runner's clock: milliseconds since the epoch. Inject a virtual one for tests and simulations. */
export interface Clock {
  now(): number;
}

/** One decision as the runner made it, for timelines and trace recorders. */
export interface RunnerStep {
  applicationId: string;
  input: FlowInput;
  decision: FlowDecision;
}

export interface RunnerOptions {
  flow: Flow;
  /** Department adapters by item id or department id (item id wins). */
  adapters: AdapterMap;
  store?: FlowStore;
  clock?: Clock;
  /** Abort an adapter call after this long (default 30 s): a hanging department becomes a transient failure. */
  callTimeoutMs?: number;
}

export interface Runner {
  /** Create an application in `draft` and persist it. */
  create(applicationId: string): Promise<FlowState>;
  /** Feed one event (applicant, department callback, operator) to an application. */
  send(applicationId: string, event: FlowEvent): Promise<FlowDecision>;
  /** Fire every timer due by the clock and poll departments without callbacks. */
  tick(): Promise<void>;
  /** Wait until no adapter call is in flight and no decision is queued. */
  idle(): Promise<void>;
  /**
   * Load persisted applications (all, or the given ones) and resume their in-flight calls with the
   * same idempotency keys (asking `reconcile` first where the adapter has it). Timers resume by being
   * read back. Records of another bundle or machine version are reported, not resumed.
   */
  restore(applicationIds?: string[]): Promise<Diagnostic[]>;
  get(applicationId: string): FlowState | undefined;
  /** The earliest armed timer of any loaded application, as epoch ms. */
  nextTimerAt(): number | undefined;
  subscribe(listener: (step: RunnerStep) => void): () => void;
  /** Stop: answers of calls still in flight are dropped (as after a crash), nothing more is saved. */
  close(): void;
}
