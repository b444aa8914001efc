/**
 * The flow trace format (`onething-trace`, version 1): JSON Lines, one object per line. Line 1 is a
 * header naming the bundle and machine the run was decided by; then one line per decided input
 * (the input, the effects asked for, a small comparable summary of the resulting state); and an end
 * line whose presence shows the file was not cut short. `schema/trace.schema.json` publishes exactly
 * these shapes; keep the two in step (a test validates generated traces against the schema).
 */
import type { CompiledBundle } from '../compile/compileBundle.js';
import type {
  ApplicationStatus,
  FlowDecision,
  FlowEffect,
  FlowInput,
  FlowState,
  ItemStatus,
} from '../flow/types.js';

/** The `format` of every trace header. */
export const TRACE_FORMAT = 'onething-trace';
/** The trace format version this engine writes and reads. */
export const TRACE_VERSION = 1;

/** Line 1 of a trace. */
export interface TraceHeader {
  kind: 'header';
  format: typeof TRACE_FORMAT;
  version: typeof TRACE_VERSION;
  /** The bundle the run was decided against; `hash` is the decider's `bundleHash`. */
  bundle: { id: string; version: string; hash: string };
  /** `FLOW_MACHINE_VERSION` of the decider that wrote the trace. */
  machineVersion: number;
  applicationId: string;
  /** Instant passed to `flow.start`; replay starts a fresh state from it. */
  startedAt: string;
  /** Whether personal data was replaced by format-preserving tokens (the key is never stored). */
  tokenised: boolean;
  /** Free text naming the tool or host that wrote the trace. */
  createdBy?: string;
}

/** A small, comparable fingerprint of a `FlowState`. */
export interface TraceStateSummary {
  status: ApplicationStatus;
  /** Item id → item status. */
  items: Record<string, ItemStatus>;
  /** Ids of the armed timers, sorted. */
  timers: string[];
  /** `stableHash` of the whole (tokenised, when the trace is) state. */
  digest: string;
}

/** A diagnostic as a trace keeps it: code and path only (messages and params may hold personal data). */
export interface TraceDiagnostic {
  code: string;
  path: string;
}

/** One decided input. */
export interface TraceStep {
  kind: 'step';
  /** 1, 2, 3… in order. */
  n: number;
  input: FlowInput;
  effects: FlowEffect[];
  state: TraceStateSummary;
  /** The decision's diagnostics, left out when there are none. */
  diagnostics?: TraceDiagnostic[];
}

/** The last line: the number of steps, so a truncated file is detected. */
export interface TraceEnd {
  kind: 'end';
  steps: number;
}

export type TraceLine = TraceHeader | TraceStep | TraceEnd;

/** The part of a decider (`createFlow`) that recording and replay use. */
export interface TraceFlow {
  /** The bundle decided; tokenisation walks its merged form's field shapes. */
  readonly compiled: Pick<CompiledBundle, 'bundle' | 'form'>;
  start(init: { applicationId: string; at: string }): FlowState;
  decide(state: FlowState, input: FlowInput): FlowDecision;
  readonly bundleHash: string;
  readonly machineVersion: number;
}
