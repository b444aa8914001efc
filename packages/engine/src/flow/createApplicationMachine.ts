import { setup } from 'xstate';

/** Events of the application's machine; `settle` carries the outcome the items add up to. */
export type ApplicationMachineEvent =
  | { type: 'precheck' }
  | { type: 'submit' }
  | { type: 'withdraw' }
  | { type: 'settle'; outcome: 'completed' | 'partiallyCompleted' | 'unsuccessful' | 'inProgress' };

const outcomeIs =
  (outcome: string) =>
  ({ event }: { event: ApplicationMachineEvent }): boolean =>
    event.type === 'settle' && event.outcome === outcome;

const settle = [
  { guard: 'isCompleted', target: 'completed' },
  { guard: 'isPartial', target: 'partiallyCompleted' },
  { guard: 'isUnsuccessful', target: 'unsuccessful' },
] as const;

/**
 * The lifecycle of a whole application (一件事 办件): draft (prechecks) → in progress → completed,
 * partially completed or unsuccessful; withdrawn by the applicant while not settled. A settled
 * application can still change outcome: a 告知承诺 breach revokes an issued item afterwards.
 */
export function createApplicationMachine() {
  return setup({
    types: { events: {} as ApplicationMachineEvent },
    actions: { notice: () => undefined, startItems: () => undefined, withdrawItems: () => undefined },
    guards: {
      isCompleted: outcomeIs('completed'),
      isPartial: outcomeIs('partiallyCompleted'),
      isUnsuccessful: outcomeIs('unsuccessful'),
    },
  }).createMachine({
    id: 'application',
    initial: 'draft',
    states: {
      draft: {
        on: {
          precheck: { target: 'draft', actions: ['notice'] },
          submit: { target: 'inProgress', actions: ['startItems'] },
          withdraw: { target: 'withdrawn' },
        },
      },
      inProgress: {
        on: { settle, withdraw: { target: 'withdrawn', actions: ['withdrawItems'] } },
      },
      completed: { on: { settle } },
      partiallyCompleted: { on: { settle } },
      unsuccessful: { type: 'final' },
      withdrawn: { type: 'final' },
    },
  });
}
