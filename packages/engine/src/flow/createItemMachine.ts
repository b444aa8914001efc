import { setup } from 'xstate';

/** What an item's machine is generated from: the procedures its materials allow. */
export interface ItemFeatures {
  /** Some material may be accepted missing (容缺受理): adds the supply deadline and `suspended`. */
  acceptMissing: boolean;
  /** Some material may be replaced by a commitment (告知承诺): adds post-issue revocation. */
  commitment: boolean;
}

/**
 * Events of one item's machine. The decider translates flow inputs into these, and puts the facts
 * guards need into the event (`canRetry`, `outstanding`, `decided`), so the machine itself has no
 * context and a status alone restores it.
 */
export type ItemMachineEvent =
  | { type: 'skip' }
  | { type: 'ready' }
  | { type: 'block' }
  | { type: 'accepted' }
  | { type: 'refused' }
  | { type: 'failed'; canRetry: boolean }
  | { type: 'retryDue' }
  | { type: 'operatorRetry' }
  | { type: 'correctionRequested' }
  | { type: 'answered' }
  | { type: 'approved' }
  | { type: 'denied' }
  | { type: 'issued'; outstanding: number }
  | { type: 'supplyDue'; outstanding: number }
  | { type: 'supplied'; outstanding: number; resumeTo: 'inReview' | 'approved' | 'correction' }
  | { type: 'graceDue' }
  | { type: 'breached' }
  | { type: 'withdraw'; dispatched: boolean };

/**
 * Named actions the machine returns; the decider turns each into effects and state changes.
 * Listed once here so the decider can check it handles every one.
 */
export const ITEM_ACTIONS = [
  'dispatch',
  'scheduleRetry',
  'markFailed',
  'accept',
  'recordReasons',
  'pauseClock',
  'resumeClock',
  'sendCorrection',
  'decide',
  'issue',
  'stopClock',
  'suspend',
  'resume',
  'terminate',
  'revoke',
  'sendWithdraw',
  'cancelTimers',
] as const;
export type ItemAction = (typeof ITEM_ACTIONS)[number];

const noop = (): void => undefined;
const actions = Object.fromEntries(ITEM_ACTIONS.map((name) => [name, noop])) as Record<
  ItemAction,
  () => void
>;

/**
 * Build the state machine of one service item (事项) from its features: 受理 → 审查 → 决定 → 发证, with
 * 不予受理, 补正 (clock paused), retries and operator retry, 容缺 suspension and termination, 告知承诺
 * revocation and withdrawal. The machine is a pure decider: no delays, no invoked actors, no context.
 *
 * @example
 * const machine = createItemMachine({ acceptMissing: true, commitment: false });
 */
export function createItemMachine(features: ItemFeatures) {
  const withdrawable = {
    withdraw: [
      { guard: 'wasDispatched', target: 'withdrawn', actions: ['sendWithdraw', 'stopClock', 'cancelTimers'] },
      { target: 'withdrawn', actions: ['stopClock', 'cancelTimers'] },
    ],
  } as const;
  const supplyEvents = features.acceptMissing
    ? ({ supplyDue: { guard: 'stillOutstanding', target: 'suspended', actions: ['suspend'] } } as const)
    : {};
  return setup({
    types: { events: {} as ItemMachineEvent },
    actions,
    guards: {
      wasDispatched: ({ event }) => event.type === 'withdraw' && event.dispatched,
      canRetry: ({ event }) => event.type === 'failed' && event.canRetry,
      nothingOutstanding: ({ event }) =>
        (event.type === 'issued' || event.type === 'supplied') && event.outstanding === 0,
      stillOutstanding: ({ event }) => event.type === 'supplyDue' && event.outstanding > 0,
      resumeApproved: ({ event }) =>
        event.type === 'supplied' && event.outstanding === 0 && event.resumeTo === 'approved',
      resumeCorrection: ({ event }) =>
        event.type === 'supplied' && event.outstanding === 0 && event.resumeTo === 'correction',
    },
  }).createMachine({
    id: 'item',
    initial: 'waiting',
    states: {
      waiting: {
        on: {
          skip: 'skipped',
          ready: { target: 'dispatching', actions: ['dispatch'] },
          block: { target: 'blocked', actions: ['cancelTimers'] },
          withdraw: { target: 'withdrawn', actions: ['cancelTimers'] },
        },
      },
      dispatching: {
        on: {
          accepted: { target: 'inReview', actions: ['accept'] },
          refused: { target: 'refused', actions: ['recordReasons', 'cancelTimers'] },
          failed: [
            { guard: 'canRetry', target: 'retryWait', actions: ['scheduleRetry'] },
            { target: 'failed', actions: ['markFailed'] },
          ],
          ...withdrawable,
        },
      },
      retryWait: {
        on: { retryDue: { target: 'dispatching', actions: ['dispatch'] }, ...withdrawable },
      },
      failed: {
        on: { operatorRetry: { target: 'dispatching', actions: ['dispatch'] }, ...withdrawable },
      },
      inReview: {
        on: {
          correctionRequested: { target: 'correction', actions: ['recordReasons', 'pauseClock'] },
          approved: { target: 'approved', actions: ['decide'] },
          denied: { target: 'denied', actions: ['recordReasons', 'stopClock', 'cancelTimers'] },
          issued: {
            guard: 'nothingOutstanding',
            target: 'issued',
            actions: ['decide', 'issue', 'stopClock'],
          },
          ...supplyEvents,
          ...withdrawable,
        },
      },
      correction: {
        on: {
          answered: { target: 'inReview', actions: ['sendCorrection', 'resumeClock'] },
          denied: { target: 'denied', actions: ['recordReasons', 'stopClock', 'cancelTimers'] },
          ...supplyEvents,
          ...withdrawable,
        },
      },
      approved: {
        on: {
          issued: { guard: 'nothingOutstanding', target: 'issued', actions: ['issue', 'stopClock'] },
          denied: { target: 'denied', actions: ['recordReasons', 'stopClock', 'cancelTimers'] },
          ...supplyEvents,
          ...withdrawable,
        },
      },
      suspended: features.acceptMissing
        ? {
            on: {
              supplied: [
                { guard: 'resumeApproved', target: 'approved', actions: ['resume'] },
                // Suspended while a 补正 request was open: back to the applicant, clock still paused.
                { guard: 'resumeCorrection', target: 'correction', actions: ['resume'] },
                { guard: 'nothingOutstanding', target: 'inReview', actions: ['resume'] },
              ],
              graceDue: { target: 'terminated', actions: ['terminate', 'stopClock', 'cancelTimers'] },
              ...withdrawable,
            },
          }
        : {},
      issued: features.commitment
        ? { on: { breached: { target: 'revoked', actions: ['revoke', 'cancelTimers'] } } }
        : {},
      skipped: { type: 'final' },
      refused: { type: 'final' },
      denied: { type: 'final' },
      terminated: { type: 'final' },
      revoked: { type: 'final' },
      blocked: { type: 'final' },
      withdrawn: { type: 'final' },
    },
  });
}

export type ItemMachine = ReturnType<typeof createItemMachine>;
