import { OnethingError } from '../diagnostics/OnethingError.js';
import type { FlowDecision, FlowInput, FlowState } from '../flow/types.js';
import { summarizeState } from './summarizeState.js';
import { tokenisePersonalData } from './tokenisePersonalData.js';
import {
  TRACE_FORMAT,
  TRACE_VERSION,
  type TraceEnd,
  type TraceFlow,
  type TraceHeader,
  type TraceLine,
  type TraceStep,
} from './types.js';

export interface TraceRecorderOptions {
  flow: TraceFlow;
  applicationId: string;
  /** The instant given to `flow.start`. */
  startedAt: string;
  /** Replace personal data by format-preserving tokens (default true). */
  tokenise?: boolean;
  /** Secret of the tokens; never written to the trace. */
  key?: string;
  /** Injected id source the key is drawn from (once) when no `key` is given. */
  idSource?: () => string;
  /** Written to the header's `createdBy`. */
  createdBy?: string;
}

export interface TraceRecorder {
  /** Record one decided input and the decision the flow returned for it. */
  record(input: FlowInput, decision: FlowDecision): void;
  /** Number of steps recorded. */
  readonly size: number;
  /** The trace as objects, header first and end last. */
  lines(): TraceLine[];
  /** The trace as JSON Lines text (one object per line, newline-terminated). */
  toJsonl(): string;
}

/**
 * Record a flow run as a replayable trace. Steps are kept as given and tokenised when the trace is
 * written, so the token table covers personal values of every input, even ones entered late (a
 * corrected ID number); digests are computed over the tokenised state, which is what a replay of the
 * tokenised inputs reproduces.
 *
 * @example
 * const recorder = createTraceRecorder({ flow, applicationId: 'A1', startedAt, idSource: () => crypto.randomUUID() });
 * let state = flow.start({ applicationId: 'A1', at: startedAt });
 * const d = flow.decide(state, input); recorder.record(input, d); state = d.state;
 * await writeFile('happy-path.jsonl', recorder.toJsonl());
 */
export function createTraceRecorder(options: TraceRecorderOptions): TraceRecorder {
  const { flow, applicationId, startedAt } = options;
  const tokenise = options.tokenise ?? true;
  let key = options.key;
  if (tokenise && !key) {
    key = options.idSource?.();
    if (typeof key !== 'string' || key.length === 0) {
      throw new OnethingError(
        'TRACE_KEY_MISSING',
        'A tokenised trace needs a secret: pass `key`, or `idSource` to draw one, or set `tokenise: false`.',
      );
    }
  }
  const bundle = flow.start({ applicationId, at: startedAt }).bundle;
  const recorded: Array<{ input: FlowInput; decision: FlowDecision }> = [];

  const lines = (): TraceLine[] => {
    const tokens = tokenise
      ? tokenisePersonalData(
          flow.compiled,
          recorded.map((r) => r.input),
          key!,
        )
      : undefined;
    const apply = <T>(value: T): T => (tokens ? tokens.apply(value) : value);
    const header: TraceHeader = {
      kind: 'header',
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      bundle: { id: bundle.id, version: bundle.version, hash: flow.bundleHash },
      machineVersion: flow.machineVersion,
      applicationId,
      startedAt,
      tokenised: tokenise,
      ...(options.createdBy !== undefined ? { createdBy: options.createdBy } : {}),
    };
    const steps = recorded.map(({ input, decision }, index): TraceStep => {
      const step: TraceStep = {
        kind: 'step',
        n: index + 1,
        input: apply(input),
        effects: apply(decision.effects),
        state: summarizeState(apply<FlowState>(decision.state)),
      };
      if (decision.diagnostics.length > 0) {
        step.diagnostics = decision.diagnostics.map((d) => ({ code: d.code, path: apply(d.path) }));
      }
      return step;
    });
    const end: TraceEnd = { kind: 'end', steps: steps.length };
    return [header, ...steps, end];
  };

  return {
    record(input, decision) {
      recorded.push({ input, decision });
    },
    get size() {
      return recorded.length;
    },
    lines,
    toJsonl: () =>
      lines()
        .map((line) => JSON.stringify(line))
        .join('\n') + '\n',
  };
}
