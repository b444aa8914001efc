import type { LocalizedText } from '../bundle/types.js';
import type { CompiledBundle } from '../compile/compileBundle.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { createFlow, type FlowOptions } from '../flow/createFlow.js';
import { canonicalJson } from '../flow/stableHash.js';
import type { FlowDecision } from '../flow/types.js';
import { diffJson } from './diffJson.js';
import { parseTrace, type ParsedTrace } from './parseTrace.js';
import { summarizeState } from './summarizeState.js';
import type { TraceDiagnostic, TraceFlow, TraceStep } from './types.js';

export interface ReplayOptions {
  /** Options of the fresh flow (calendar…); must match the recording's for a faithful replay. */
  flowOptions?: FlowOptions;
  /** Build the decider another way (a test double, a wrapped flow). Default: `createFlow`. */
  createFlow?: (compiled: CompiledBundle) => TraceFlow;
  /** Changed paths shown in the divergence diff (default 20). */
  maxDiffChanges?: number;
}

/** Where a replay first disagreed with the recording. */
export interface TraceDivergence {
  /** Step number `n`. */
  step: number;
  /** 1-based line of the step in the trace text. */
  line: number;
  what: 'effects' | 'state' | 'diagnostics';
  expected: unknown;
  actual: unknown;
  /** Changed paths with `- expected` / `+ actual` canonical JSON. */
  diff: string;
}

export interface ReplayResult {
  /** The trace parsed cleanly and every step replayed to the recorded effects, state and diagnostics. */
  ok: boolean;
  /** Steps replayed that matched the recording. */
  steps: number;
  divergence?: TraceDivergence;
  diagnostics: Diagnostic[];
}

const WHAT: Record<TraceDivergence['what'], LocalizedText> = {
  effects: { 'zh-CN': '效果', en: 'effects' },
  state: { 'zh-CN': '状态', en: 'state' },
  diagnostics: { 'zh-CN': '诊断', en: 'diagnostics' },
};

const traceDiagnostics = (decision: FlowDecision): TraceDiagnostic[] =>
  decision.diagnostics.map((d) => ({ code: d.code, path: d.path }));

/**
 * Replay a recorded trace through a fresh decider and compare each step's effects, state summary and
 * diagnostics with the recording, stopping at the first divergence (named by step and line, with a
 * diff). A trace of another bundle (id, version or hash) or machine version is refused with
 * `TRACE_BUNDLE_MISMATCH`: its differences would be expected, not regressions.
 *
 * @example
 * const result = replayTrace(compiled, await readFile('traces/happy-path.jsonl', 'utf8'));
 * if (result.divergence) console.log(`step ${result.divergence.step}: ${result.divergence.diff}`);
 */
export function replayTrace(
  compiled: CompiledBundle,
  trace: string | ParsedTrace,
  options: ReplayOptions = {},
): ReplayResult {
  const parsed = typeof trace === 'string' ? parseTrace(trace) : trace;
  const diagnostics = [...parsed.diagnostics];
  const fail = (steps: number, divergence?: TraceDivergence): ReplayResult => {
    if (divergence) {
      const { step, line, what } = divergence;
      diagnostics.push(
        createDiagnostic('TRACE_DIVERGED', {
          path: `/lines/${line - 1}/${what}`,
          line,
          params: { step, line, what: WHAT[what] },
        }),
      );
    }
    return { ok: false, steps, ...(divergence ? { divergence } : {}), diagnostics };
  };
  const { header } = parsed;
  if (!header) return fail(0);

  const flow = options.createFlow ? options.createFlow(compiled) : createFlow(compiled, options.flowOptions);
  let state = flow.start({ applicationId: header.applicationId, at: header.startedAt });
  const mismatch = bundleMismatch(
    header.bundle,
    { ...state.bundle, hash: flow.bundleHash },
    header.machineVersion,
    flow.machineVersion,
  );
  if (mismatch) {
    diagnostics.push(
      createDiagnostic('TRACE_BUNDLE_MISMATCH', {
        path: '/lines/0/bundle',
        line: 1,
        params: { detail: mismatch },
      }),
    );
    return fail(0);
  }

  // Consecutive states share most objects (the decider copies on write): hash each object once.
  const texts = new WeakMap<object, string>();
  for (let i = 0; i < parsed.steps.length; i++) {
    const recorded = parsed.steps[i]!;
    const line = parsed.stepLines[i] ?? i + 2;
    let decision: FlowDecision;
    try {
      decision = flow.decide(state, recorded.input);
    } catch (error) {
      // `decide` promises never to throw; if it does, that is the divergence to show.
      const actual = { thrown: String((error as Error)?.message ?? error) };
      return fail(i, divergence(recorded, line, 'effects', recorded.effects, actual));
    }
    const comparisons: Array<[TraceDivergence['what'], unknown, unknown]> = [
      ['effects', recorded.effects, decision.effects],
      ['state', recorded.state, summarizeState(decision.state, texts)],
      ['diagnostics', recorded.diagnostics ?? [], traceDiagnostics(decision)],
    ];
    for (const [what, expected, actual] of comparisons) {
      if (sameJson(expected, actual)) continue;
      return fail(i, divergence(recorded, line, what, expected, actual, options.maxDiffChanges));
    }
    state = decision.state;
  }
  return { ok: !diagnostics.some((d) => d.severity === 'error'), steps: parsed.steps.length, diagnostics };
}

function divergence(
  recorded: TraceStep,
  line: number,
  what: TraceDivergence['what'],
  expected: unknown,
  actual: unknown,
  maxChanges?: number,
): TraceDivergence {
  let diff = diffJson(expected, actual, maxChanges === undefined ? {} : { maxChanges });
  if (what === 'state' && /^\/digest$/m.test(diff) && diff.split('\n').length === 3) {
    diff += '\n(statuses and timers agree: the difference is in data, outputs, clocks or other state)';
  }
  return { step: recorded.n, line, what, expected, actual, diff };
}

function bundleMismatch(
  recorded: { id: string; version: string; hash: string },
  current: { id: string; version: string; hash: string },
  recordedMachine: number,
  currentMachine: number,
): LocalizedText | undefined {
  const parts: string[] = [];
  if (recorded.id !== current.id) parts.push(`bundle ${recorded.id} ≠ ${current.id}`);
  if (recorded.version !== current.version) parts.push(`version ${recorded.version} ≠ ${current.version}`);
  if (recorded.hash !== current.hash) parts.push(`hash ${recorded.hash} ≠ ${current.hash}`);
  if (recordedMachine !== currentMachine) parts.push(`machineVersion ${recordedMachine} ≠ ${currentMachine}`);
  if (parts.length === 0) return undefined;
  const text = parts.join('; ');
  return { 'zh-CN': `记录：${text}`, en: `recorded vs current: ${text}` };
}

/**
 * Equal as JSON values. Recorded and replayed values usually list their keys in the same order, so
 * the native `JSON.stringify` settles most comparisons; the canonical form decides the rest.
 */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b) || canonicalJson(a) === canonicalJson(b);
}
