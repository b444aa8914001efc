import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNED, deepFreeze, miniData, miniFlow, miniMaterials } from '../../test/fixtures/flowFixture.js';
import type { Flow } from './createFlow.js';
import type { FlowDecision, FlowInput, FlowState } from './types.js';

/**
 * Random runs of the mini bundle (with a 容缺 material and a 告知承诺 material) driven by valid and
 * invalid inputs; call ids and timer ids are picked from the current state, so runs reach deep states.
 */
const flow: Flow = miniFlow(
  (bundle) => {
    bundle.materials!.m_noHouse = {
      name: { 'zh-CN': '无房承诺书', en: 'No housing declaration' },
      required: true,
      commitment: {
        text: { 'zh-CN': '本人承诺无房。', en: 'I own no housing.' },
        verification: { method: 'document', dueDays: 5 },
      },
    };
    bundle.items[1]!.materials = [...(bundle.items[1]!.materials ?? []), 'm_noHouse'];
  },
  { retry: { maxAttempts: 3 } },
);

const ITEMS = ['birthCert', 'birthReg', 'benefit', 'nope'];
const REASONS = [{ 'zh-CN': '理由', en: 'reason' }];

const MATERIALS = [
  miniMaterials({ m_noHouse: { kind: 'provided' } }),
  miniMaterials({ m_hukouBook: { kind: 'deferred', ...SIGNED }, m_noHouse: { kind: 'provided' } }),
  miniMaterials({ m_noHouse: { kind: 'committed', ...SIGNED } }),
  miniMaterials({
    m_hukouBook: { kind: 'deferred', ...SIGNED },
    m_noHouse: { kind: 'committed', ...SIGNED },
  }),
  {},
];

const RESULTS = [
  { status: 'accepted', receiptNo: 'R-1' },
  { status: 'refused', reasons: REASONS },
  { status: 'failed', transient: true, message: 'timeout' },
  { status: 'failed', transient: false, message: 'bad request' },
  { status: 'ok' },
  { status: 'accepted' }, // bad shape
] as const;

const UPDATES = [
  { status: 'inReview' },
  { status: 'correctionRequested', reasons: REASONS },
  { status: 'approved' },
  { status: 'denied', reasons: REASONS },
  { status: 'issued', licence: { no: 'L-1' }, outputs: { birthCertNo: 'A123456789' } },
  { status: 'issued', outputs: { unexpected: 1 } },
  { status: 'specialStep', step: '检验' },
  { status: 'specialStepEnded' },
  { status: 'lost' }, // bad shape
] as const;

const GARBAGE: unknown[] = [
  null,
  {},
  { at: 'soon', event: { type: 'withdraw' } },
  { event: { type: 'timer', id: 'x' } },
  'AT_ONLY',
  { type: 'explode' },
  { type: 'submit', data: [] },
  { type: 'timer', id: 'constructor' },
];

const command = fc.oneof(
  { depthSize: 'small' },
  fc.record({ k: fc.constant('time' as const), minutes: fc.integer({ min: -120, max: 6 * 24 * 60 }) }),
  fc.record({
    k: fc.constant('submit' as const),
    variant: fc.nat(MATERIALS.length - 1),
    precheck: fc.boolean(),
  }),
  fc.record({ k: fc.constant('withdraw' as const) }),
  fc.record({
    k: fc.constant('supply' as const),
    material: fc.constantFrom('m_hukouBook', 'm_parentIds', 'nope'),
  }),
  fc.record({
    k: fc.constant('answer' as const),
    pick: fc.nat(),
    result: fc.nat(RESULTS.length - 1),
    bogus: fc.boolean(),
  }),
  fc.record({
    k: fc.constant('answer' as const),
    pick: fc.nat(),
    result: fc.constant(0),
    bogus: fc.constant(false),
  }),
  fc.record({
    k: fc.constant('answer' as const),
    pick: fc.nat(),
    result: fc.nat(3),
    bogus: fc.constant(false),
  }),
  fc.record({
    k: fc.constant('update' as const),
    item: fc.constantFrom(...ITEMS),
    eventId: fc.constantFrom('e1', 'e2', 'e3', 'fresh', 'fresh', 'fresh'),
    update: fc.nat(UPDATES.length - 1),
  }),
  fc.record({
    k: fc.constant('update' as const),
    item: fc.constantFrom('birthCert', 'birthReg', 'benefit'),
    eventId: fc.constant('fresh'),
    update: fc.nat(UPDATES.length - 2),
  }),
  fc.record({
    k: fc.constant('verify' as const),
    item: fc.constantFrom(...ITEMS),
    result: fc.constantFrom('verified', 'breached'),
  }),
  fc.record({ k: fc.constant('timer' as const), pick: fc.nat(), early: fc.boolean(), bogus: fc.boolean() }),
  fc.record({
    k: fc.constant('timer' as const),
    pick: fc.nat(),
    early: fc.constant(false),
    bogus: fc.constant(false),
  }),
  fc.record({ k: fc.constant('retry' as const), item: fc.constantFrom(...ITEMS) }),
  fc.record({ k: fc.constant('correction' as const), item: fc.constantFrom(...ITEMS), good: fc.boolean() }),
  fc.record({ k: fc.constant('garbage' as const), which: fc.nat(GARBAGE.length - 1) }),
);
type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

/** Most runs start with a valid submission, so they reach deep states; some start anywhere. */
const commands = (maxLength: number) =>
  fc
    .tuple(fc.option(fc.nat(3), { freq: 4 }), fc.array(command, { minLength: 1, maxLength, size: 'max' }))
    .map(([variant, rest]): Command[] =>
      variant === null ? rest : [{ k: 'submit', variant, precheck: false }, ...rest],
    );

const START = Date.parse('2025-09-25T09:00:00+08:00'); // runs cross the 2025 National Day holiday
const iso = (ms: number) => `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

interface Run {
  steps: Array<{ input: unknown; decision: FlowDecision }>;
}

/** Turn a command into an input against the current state; `now` only moves when the command says so. */
function toInput(cmd: Command, state: FlowState, clock: { now: number; fresh: number }): unknown {
  const at = () => iso(clock.now);
  const input = (event: unknown) => ({ at: at(), event });
  switch (cmd.k) {
    case 'time':
      clock.now += cmd.minutes * 60_000;
      return input({ type: 'operatorRetry', item: 'birthCert' });
    case 'submit':
      return input({
        type: cmd.precheck ? 'precheck' : 'submit',
        data: miniData(),
        materials: MATERIALS[cmd.variant],
      });
    case 'withdraw':
      return input({ type: 'withdraw' });
    case 'supply':
      return input({ type: 'supply', material: cmd.material });
    case 'answer': {
      const calls = Object.values(state.pending);
      const call = calls.length > 0 && !cmd.bogus ? calls[cmd.pick % calls.length]! : undefined;
      const result =
        call && call.type !== 'dispatch' && cmd.result === 0 ? { status: 'ok' } : RESULTS[cmd.result];
      return input({
        type: 'adapterResult',
        item: call?.item ?? 'birthCert',
        callId: call?.callId ?? `${state.applicationId}#${cmd.pick}`,
        result,
      });
    }
    case 'update': {
      const eventId = cmd.eventId === 'fresh' ? `f${++clock.fresh}` : cmd.eventId;
      return input({ type: 'departmentUpdate', item: cmd.item, eventId, update: UPDATES[cmd.update] });
    }
    case 'verify':
      return input({ type: 'verificationResult', item: cmd.item, material: 'm_noHouse', result: cmd.result });
    case 'timer': {
      const timers = Object.values(state.timers);
      const timer = timers.length > 0 && !cmd.bogus ? timers[cmd.pick % timers.length]! : undefined;
      if (timer && !cmd.early) clock.now = Math.max(clock.now, Date.parse(timer.at));
      return input({ type: 'timer', id: timer?.id ?? 'retry:nope' });
    }
    case 'retry':
      return input({ type: 'operatorRetry', item: cmd.item });
    case 'correction':
      return input({
        type: 'answerCorrection',
        item: cmd.item,
        data: cmd.good ? { babyName: '林语彤' } : { motherIdNumber: '110105194912310038' },
        materials: { m_hukouBook: { kind: 'provided' } },
      });
    case 'garbage': {
      const g = GARBAGE[cmd.which];
      if (g === 'AT_ONLY') return { at: at() };
      return g !== null && typeof g === 'object' && 'type' in g ? input(g) : g;
    }
  }
}

function run(commands: Command[]): Run {
  let state = flow.start({ applicationId: 'P1', at: iso(START) });
  const clock = { now: START, fresh: 0 };
  const steps: Run['steps'] = [];
  const keys = new Map<string, string>();
  const callIds = new Set<string>();
  for (const cmd of commands) {
    const input = deepFreeze(toInput(cmd, state, clock));
    const before = JSON.stringify(state);
    deepFreeze(state);
    const decision = flow.decide(state, input as FlowInput);
    // Never mutates the input state.
    expect(JSON.stringify(state)).toBe(before);
    // States stay plain JSON.
    expect(JSON.parse(JSON.stringify(decision.state))).toStrictEqual(decision.state);
    // Time never goes back.
    expect(Date.parse(decision.state.updatedAt)).toBeGreaterThanOrEqual(Date.parse(state.updatedAt));
    for (const effect of decision.effects) {
      if (effect.type === 'dispatch') {
        // Every retry of an item's submission shares one idempotency key.
        const key = keys.get(effect.item) ?? effect.idempotencyKey;
        keys.set(effect.item, key);
        expect(effect.idempotencyKey).toBe(key);
        expect(effect.idempotencyKey).toBe(`P1:${effect.item}`);
      }
      if (effect.type === 'dispatch' || effect.type === 'supplement' || effect.type === 'withdraw') {
        expect(callIds.has(effect.callId)).toBe(false);
        callIds.add(effect.callId);
      }
    }
    for (const d of decision.diagnostics) expect(d.code).toMatch(/^[A-Z_]+$/);
    // An ignored input (the state returned as is) has no effects and says why.
    if (decision.state === state) {
      expect(decision.effects).toEqual([]);
      expect(decision.diagnostics.length).toBeGreaterThan(0);
    }
    steps.push({ input, decision });
    state = decision.state;
  }
  return { steps };
}

describe('createFlow (property)', () => {
  it('random runs never throw, never mutate, stay JSON, keep keys and replay identically', () => {
    fc.assert(
      fc.property(commands(40), (cmds) => {
        const first = run(cmds);
        const second = run(cmds);
        expect(second.steps.map((s) => s.decision)).toStrictEqual(first.steps.map((s) => s.decision));
      }),
      { numRuns: 50 },
    );
  });

  it('a run restored from JSON at any point continues exactly like the original', () => {
    fc.assert(
      fc.property(commands(30), fc.nat(), (cmds, cut) => {
        const original = run(cmds);
        const at = cut % original.steps.length;
        let state: FlowState = JSON.parse(JSON.stringify(original.steps[at]!.decision.state)) as FlowState;
        for (const { input, decision } of original.steps.slice(at + 1)) {
          const replayed = flow.decide(state, input as FlowInput);
          expect(replayed).toStrictEqual(decision);
          state = replayed.state;
        }
      }),
      { numRuns: 30 },
    );
  });
});
