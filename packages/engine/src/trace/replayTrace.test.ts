import { describe, expect, it } from 'vitest';
import type { CompiledBundle } from '../compile/compileBundle.js';
import type { MergedForm } from '../compile/types.js';
import type { FlowDecision, FlowInput, FlowState } from '../flow/types.js';
import { createTraceRecorder } from './createTraceRecorder.js';
import { parseTrace } from './parseTrace.js';
import { replayTrace } from './replayTrace.js';
import type { TraceFlow } from './types.js';

const label = { 'zh-CN': '字段' };
const form: MergedForm = {
  schema: {},
  order: ['mobile'],
  fields: {
    mobile: {
      key: 'mobile',
      definition: { type: 'string', label, format: 'cn-mobile' },
      path: '',
      schema: {},
      sources: [],
      requiredBy: [],
    },
  },
};
const bundle = { id: 'fake', version: '1.0.0' } as CompiledBundle['bundle'];

/** A tiny decider: submit stores the data and dispatches it; a timer event arms a timer. */
function fakeFlow(
  variant: { hash?: string; machineVersion?: number; bug?: 'effects' | 'state' | 'diagnostics' } = {},
): TraceFlow {
  return {
    compiled: { form, bundle },
    bundleHash: variant.hash ?? 'h1',
    machineVersion: variant.machineVersion ?? 1,
    start: ({ applicationId, at }) =>
      ({
        applicationId,
        createdAt: at,
        updatedAt: at,
        status: 'draft',
        bundle: { id: 'fake', version: '1.0.0', hash: variant.hash ?? 'h1' },
        items: {},
        timers: {},
        data: {},
        seq: 0,
      }) as unknown as FlowState,
    decide(state, input): FlowDecision {
      const { event } = input;
      const seq = state.seq + 1;
      if (event.type === 'submit') {
        const data = { ...event.data, ...(variant.bug === 'state' ? { extra: 1 } : {}) };
        const payload = variant.bug === 'effects' ? { ...event.data, mobile: '13000000000' } : event.data;
        return {
          state: {
            ...state,
            seq,
            status: 'inProgress',
            data,
            items: { a: { status: 'dispatching' } },
          } as unknown as FlowState,
          effects: [
            {
              type: 'dispatch',
              callId: `c${seq}`,
              item: 'a',
              department: 'd',
              idempotencyKey: 'k',
              attempt: 1,
              payload,
              materials: [],
            },
          ],
          diagnostics: [],
        };
      }
      const diagnostics = variant.bug === 'diagnostics' ? [{ code: 'FLOW_UNKNOWN_TIMER', path: '/x' }] : [];
      return {
        state: {
          ...state,
          seq,
          timers: { t1: { id: 't1', at: input.at, purpose: 'retry' } },
        } as unknown as FlowState,
        effects: [],
        diagnostics: diagnostics as FlowDecision['diagnostics'],
      };
    },
  };
}

const inputs: FlowInput[] = [
  {
    at: '2025-03-20T09:01:00+08:00',
    event: { type: 'submit', data: { mobile: '13859201234', note: '电话 13859201234' } },
  },
  { at: '2025-03-20T09:02:00+08:00', event: { type: 'timer', id: 't1' } },
];

function record(flow: TraceFlow, options: { tokenise?: boolean } = {}): string {
  const recorder = createTraceRecorder({
    flow,
    applicationId: 'A1',
    startedAt: '2025-03-20T09:00:00+08:00',
    key: 'secret',
    ...options,
  });
  let state = flow.start({ applicationId: 'A1', at: '2025-03-20T09:00:00+08:00' });
  for (const input of inputs) {
    const decision = flow.decide(state, input);
    recorder.record(input, decision);
    state = decision.state;
  }
  return recorder.toJsonl();
}

const replay = (text: string, flow: TraceFlow) =>
  replayTrace({} as CompiledBundle, text, { createFlow: () => flow });

describe('createTraceRecorder', () => {
  it('writes a header, one line per step and an end line, tokenised by default', () => {
    const text = record(fakeFlow());
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.kind)).toEqual(['header', 'step', 'step', 'end']);
    expect(lines[0]).toMatchObject({
      format: 'onething-trace',
      version: 1,
      bundle: { id: 'fake', version: '1.0.0', hash: 'h1' },
      tokenised: true,
    });
    expect(text).not.toContain('13859201234');
    expect(text).not.toContain('secret');
    expect(lines[2]).toMatchObject({
      n: 2,
      state: { status: 'inProgress', items: { a: 'dispatching' }, timers: ['t1'] },
    });
  });

  it('keeps personal data when told not to tokenise', () => {
    const text = record(fakeFlow(), { tokenise: false });
    expect(text).toContain('13859201234');
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ tokenised: false });
  });

  it('needs a key (or an id source) to tokenise', () => {
    const flow = fakeFlow();
    expect(() => createTraceRecorder({ flow, applicationId: 'A1', startedAt: 'x' })).toThrow(/key/);
    const recorder = createTraceRecorder({
      flow,
      applicationId: 'A1',
      startedAt: 'x',
      idSource: () => 'drawn',
    });
    expect(recorder.size).toBe(0);
  });
});

describe('replayTrace', () => {
  it('replays a tokenised trace to the same effects, states and diagnostics', () => {
    const result = replay(record(fakeFlow()), fakeFlow());
    expect(result).toEqual({ ok: true, steps: 2, diagnostics: [] });
  });

  it('accepts a parsed trace', () => {
    expect(
      replayTrace({} as CompiledBundle, parseTrace(record(fakeFlow())), { createFlow: () => fakeFlow() }).ok,
    ).toBe(true);
  });

  for (const what of ['effects', 'state', 'diagnostics'] as const) {
    it(`stops at the first divergence in ${what}, naming step and line`, () => {
      const result = replay(record(fakeFlow()), fakeFlow({ bug: what }));
      expect(result.ok).toBe(false);
      expect(result.divergence).toMatchObject({
        what,
        step: what === 'diagnostics' ? 2 : 1,
        line: what === 'diagnostics' ? 3 : 2,
      });
      expect(result.steps).toBe(what === 'diagnostics' ? 1 : 0);
      expect(result.diagnostics.map((d) => [d.code, d.path, d.line])).toEqual([
        ['TRACE_DIVERGED', `/lines/${result.divergence!.line - 1}/${what}`, result.divergence!.line],
      ]);
    });
  }

  it('shows the divergence as a diff of the changed paths', () => {
    const { divergence } = replay(record(fakeFlow(), { tokenise: false }), fakeFlow({ bug: 'effects' }));
    expect(divergence!.diff).toBe(['/0/payload/mobile', '- "13859201234"', '+ "13000000000"'].join('\n'));
    const state = replay(record(fakeFlow()), fakeFlow({ bug: 'state' })).divergence!;
    expect(state.diff).toMatch(/^\/digest\n- "[0-9a-f]{16}"\n\+ "[0-9a-f]{16}"\n\(statuses and timers agree/);
  });

  it('names a tampered line', () => {
    const lines = record(fakeFlow()).split('\n');
    lines[2] = lines[2]!.replace('"timers":["t1"]', '"timers":["t2"]');
    const result = replay(lines.join('\n'), fakeFlow());
    expect(result.divergence).toMatchObject({ step: 2, line: 3, what: 'state' });
    expect(result.divergence!.diff).toContain('/timers/0\n- "t2"\n+ "t1"');
    expect(result.diagnostics[0]!.messages.en).toBe(
      'Replay diverged at step 2 (line 3): the state differ from the recording.',
    );
  });

  it('refuses a trace of another bundle or machine version', () => {
    const text = record(fakeFlow());
    for (const flow of [fakeFlow({ hash: 'h2' }), fakeFlow({ machineVersion: 2 })]) {
      const result = replay(text, flow);
      expect(result.divergence).toBeUndefined();
      expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
        ['TRACE_BUNDLE_MISMATCH', '/lines/0/bundle'],
      ]);
    }
    expect(replay(text, fakeFlow({ hash: 'h2' })).diagnostics[0]!.messages.en).toContain('hash h1 ≠ h2');
  });

  it('returns the parse diagnostics of a broken trace without replaying it', () => {
    expect(replay('garbage', fakeFlow())).toMatchObject({ ok: false, steps: 0 });
    const truncated = record(fakeFlow()).split('\n').slice(0, 3).join('\n');
    const result = replay(truncated, fakeFlow());
    expect(result.steps).toBe(2);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TRACE_TRUNCATED']);
  });

  it('shows a throwing decider as a divergence', () => {
    const flow = fakeFlow();
    const throwing = {
      ...flow,
      decide: () => {
        throw new Error('boom');
      },
    };
    const result = replay(record(flow), throwing);
    expect(result.divergence).toMatchObject({ step: 1, what: 'effects', actual: { thrown: 'boom' } });
  });
});
