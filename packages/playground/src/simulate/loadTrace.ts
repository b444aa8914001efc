import {
  createFlow,
  describeStep,
  parseTrace,
  replayTrace,
  type CompiledBundle,
  type Diagnostic,
  type FlowEffect,
  type FlowEvent,
  type Lang,
  type TraceHeader,
  type TraceStateSummary,
  type TraceStep,
} from '@onething/engine';
import { simText, type SimulateMessageKey } from './simulateMessages.js';

/** How one recorded step fared in the replay. */
export type StepVerdict = 'reproduced' | 'diverged' | 'notReplayed';

/** One recorded step, as the stepper shows it. */
export interface ReplayStepView {
  n: number;
  /** 1-based line of the step in the file. */
  line: number;
  at: string;
  input: FlowEvent;
  effects: FlowEffect[];
  /** The recorded state summary: statuses, armed timers, digest. */
  state: TraceStateSummary;
  /** The timeline text of the step (describeStep), in the language asked for. */
  text: string;
  verdict: StepVerdict;
  /** For the diverging step: what differs (`- recorded` / `+ replayed`). */
  diff?: string;
}

/** A problem with the file or the replay, in both languages. */
export interface TraceProblem {
  code: string;
  severity: 'error' | 'warning' | 'info';
  line?: number;
  messages: { 'zh-CN': string; en: string };
}

/** A loaded trace and a cursor over its steps. Position 0 is before the first step. */
export interface TraceStepper {
  /** Parsed cleanly and every step reproduced. */
  readonly ok: boolean;
  readonly header?: TraceHeader;
  readonly steps: readonly ReplayStepView[];
  /** The first step whose effects, state or diagnostics differ from the recording. */
  readonly divergence?: {
    step: number;
    line: number;
    what: 'effects' | 'state' | 'diagnostics';
    diff: string;
  };
  readonly problems: readonly TraceProblem[];
  /** A one-line verdict in `lang`. */
  summary(lang: Lang): string;
  /** Steps shown so far (0 … steps.length). */
  readonly position: number;
  /** The step at the position (undefined at 0). */
  current(): ReplayStepView | undefined;
  forward(): ReplayStepView | undefined;
  back(): ReplayStepView | undefined;
  toStart(): void;
  toEnd(): ReplayStepView | undefined;
  goTo(position: number): ReplayStepView | undefined;
}

const bothTexts = (key: SimulateMessageKey, params: Record<string, unknown> = {}) => ({
  'zh-CN': simText(key, 'zh-CN', params),
  en: simText(key, 'en', params),
});

const problemOf = (d: Diagnostic): TraceProblem => ({
  code: d.code,
  severity: d.severity,
  ...(d.line !== undefined ? { line: d.line } : {}),
  messages: d.messages,
});

/**
 * Load a trace (JSON Lines, e.g. one downloaded from the simulator) for step-by-step replay: parse
 * it, replay it through a fresh decider of `compiled` (`replayTrace`), and give a stepper over the
 * recorded steps with each one's input, effects, state summary, timeline text and verdict. A bad
 * file, a trace of another bundle or a divergence is reported as problems (zh-CN and en), never thrown.
 *
 * @example
 * const stepper = loadTrace(await file.text(), compiled, { lang: 'en' });
 * stepper.summary('en'); // 'Step 5 (line 6) diverges: effects'
 * stepper.toEnd();
 */
export function loadTrace(
  text: unknown,
  compiled: CompiledBundle,
  options: { lang?: Lang } = {},
): TraceStepper {
  const lang = options.lang ?? 'zh-CN';
  const parsed = parseTrace(text);
  let replay: ReturnType<typeof replayTrace> | undefined;
  const problems: TraceProblem[] = [];
  try {
    replay = parsed.header ? replayTrace(compiled, parsed) : undefined;
  } catch (error) {
    // replayTrace reports problems as diagnostics; this guards the view against the unforeseen.
    const detail = error instanceof Error ? error.message : String(error);
    problems.push({
      code: 'SIMULATE_FAILED',
      severity: 'error',
      messages: bothTexts('SIMULATE_FAILED', { detail }),
    });
  }
  problems.push(...(replay?.diagnostics ?? parsed.diagnostics).map(problemOf));
  if (parsed.header && parsed.steps.length === 0 && problems.length === 0) {
    problems.push({
      code: 'TRACE_EMPTY_REPLAY',
      severity: 'warning',
      messages: bothTexts('TRACE_EMPTY_REPLAY'),
    });
  }
  const divergence = replay?.divergence;
  // A mismatched bundle or an unreadable header replays nothing: every step is "not replayed".
  const replayed = replay && !problems.some((p) => p.code === 'TRACE_BUNDLE_MISMATCH') ? replay : undefined;
  const flow = createFlow(compiled);
  const applicationId = parsed.header?.applicationId ?? '';
  const steps = parsed.steps.map((step, i): ReplayStepView => {
    const verdict: StepVerdict = !replayed
      ? 'notReplayed'
      : divergence && step.n === divergence.step
        ? 'diverged'
        : divergence && step.n > divergence.step
          ? 'notReplayed'
          : 'reproduced';
    const view: ReplayStepView = {
      n: step.n,
      line: parsed.stepLines[i] ?? i + 2,
      at: step.input.at,
      input: step.input.event,
      effects: step.effects,
      state: step.state,
      text: stepText(flow, applicationId, step, lang),
      verdict,
    };
    if (verdict === 'diverged' && divergence) view.diff = divergence.diff;
    return view;
  });

  let position = 0;
  const at = (p: number) => {
    position = Math.max(0, Math.min(steps.length, Math.trunc(p) || 0));
    return steps[position - 1];
  };
  const ok = replay?.ok === true && parsed.ok && !problems.some((p) => p.severity === 'error');
  return {
    ok,
    ...(parsed.header ? { header: parsed.header } : {}),
    steps,
    ...(divergence
      ? {
          divergence: {
            step: divergence.step,
            line: divergence.line,
            what: divergence.what,
            diff: divergence.diff,
          },
        }
      : {}),
    problems,
    summary(l) {
      if (ok) return simText('replayOk', l, { n: steps.length });
      if (divergence)
        return simText('replayDiverged', l, {
          step: divergence.step,
          line: divergence.line,
          what: simText(`what_${divergence.what}`, l),
        });
      const first = problems.find((p) => p.severity === 'error') ?? problems[0];
      return first ? `${first.line !== undefined ? `${first.line}: ` : ''}${first.messages[l]}` : '';
    },
    get position() {
      return position;
    },
    current: () => steps[position - 1],
    forward: () => at(position + 1),
    back: () => at(position - 1),
    toStart: () => void at(0),
    toEnd: () => at(steps.length),
    goTo: (p) => at(p),
  };
}

/** The timeline text of a recorded step, from its recorded input and effects. */
function stepText(
  flow: ReturnType<typeof createFlow>,
  applicationId: string,
  step: TraceStep,
  lang: Lang,
): string {
  try {
    return describeStep(
      flow,
      {
        applicationId,
        input: step.input,
        // describeStep reads the effects and the codes of non-info diagnostics only.
        decision: {
          state: undefined as never,
          effects: step.effects,
          diagnostics: (step.diagnostics ?? []).map(
            (d) => ({ code: d.code, severity: 'warning' }) as Diagnostic,
          ),
        },
      },
      lang,
    );
  } catch {
    // A well-shaped line with unexpected content (a hand-edited trace) still gets a line.
    return `${step.input.at}  ${step.input.event.type}`;
  }
}
