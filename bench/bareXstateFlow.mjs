// The bare-xstate baseline of the flow benchmark: the same routing (one parallel region per item,
// dependencies as guards, accepted → in review → approved → issued) written the way xstate's docs
// suggest, driven through xstate's public pure `initialTransition` / `transition`. No payloads, no
// validation, no clock, no effects as data: what the routing alone costs in plain xstate.
import { assign, initialTransition, setup, transition } from 'xstate';

export function createBareFlow(bundle) {
  const items = bundle.items;
  const regions = {};
  for (const item of items) {
    const ready = ({ context }) => (item.dependsOn ?? []).every((d) => context.issued[d]);
    regions[item.id] = {
      initial: 'waiting',
      states: {
        waiting: { always: { guard: ready, target: 'dispatching' } },
        dispatching: { on: { [`accepted.${item.id}`]: 'inReview' } },
        inReview: { on: { [`review.${item.id}`]: 'inReview', [`approved.${item.id}`]: 'approved' } },
        approved: {
          on: {
            [`issued.${item.id}`]: {
              target: 'issued',
              actions: assign({ issued: ({ context }) => ({ ...context.issued, [item.id]: true }) }),
            },
          },
        },
        issued: { type: 'final' },
      },
    };
  }
  const machine = setup({}).createMachine({
    id: 'bare',
    type: 'parallel',
    context: { issued: {} },
    states: regions,
  });
  /** Drive one application to the end: every item accepted, reviewed, approved and issued. */
  return function run() {
    let [snapshot] = initialTransition(machine);
    let steps = 0;
    for (let progress = true; progress;) {
      progress = false;
      for (const item of items) {
        const at = snapshot.value[item.id];
        if (at === 'dispatching') {
          for (const type of ['accepted', 'review', 'approved', 'issued']) {
            [snapshot] = transition(machine, snapshot, { type: `${type}.${item.id}` });
            steps += 1;
          }
          progress = true;
        }
      }
    }
    return { snapshot, steps };
  };
}
