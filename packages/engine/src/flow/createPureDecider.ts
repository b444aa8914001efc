import { createActor, type AnyStateMachine, type EventObject } from 'xstate';

/** The outcome of one machine step: the next state value and the names of the actions to perform. */
export interface MachineStep<S extends string> {
  value: S;
  readonly actions: readonly string[];
}

/**
 * Use an xstate machine as a pure decider over flat, context-free states: `step(value, event)` returns
 * the next state value and the named actions, executing nothing, or `undefined` when the event is not
 * accepted in that state. Snapshots are resolved once per state value and one inert actor scope is
 * reused, so a step costs a transition, not an actor (xstate's `transition()` creates one per call).
 * Nothing here reads a clock, a random source or a session id.
 *
 * @example
 * const decider = createPureDecider<ItemStatus>(createItemMachine(features));
 * decider.step('dispatching', { type: 'accepted' }); // { value: 'inReview', actions: ['accept'] }
 */
export function createPureDecider<S extends string, E extends EventObject = EventObject>(
  machine: AnyStateMachine,
): { step(value: S, event: E): MachineStep<S> | undefined; initial: S } {
  let collected: string[] = [];
  const self = createActor(machine);
  const scope = {
    self,
    defer: () => undefined,
    id: '',
    logger: () => undefined,
    sessionId: '',
    stopChild: () => undefined,
    system: self.system,
    emit: () => undefined,
    actionExecutor: (action: { type: string }) => {
      collected.push(action.type);
    },
  };
  const snapshots = new Map<string, ReturnType<AnyStateMachine['resolveState']>>();
  const snapshotOf = (value: string) => {
    let snapshot = snapshots.get(value);
    if (!snapshot) {
      snapshot = machine.resolveState({ value, context: {} });
      snapshots.set(value, snapshot);
    }
    return snapshot;
  };
  const initial = String(machine.getInitialSnapshot(scope as never).value) as S;
  // The machines have no context and their guards read only the event, so a step is a pure function
  // of the state value and the event's fields: xstate answers each combination once, then it is
  // looked up. Events are small objects of primitives; anything else is not memoized.
  const memo = new Map<string, MachineStep<S> | null>();
  const keyOf = (value: string, event: E): string | undefined => {
    let key = value;
    for (const field of Object.values(event)) {
      if (field !== null && typeof field === 'object') return undefined;
      key += `|${String(field)}`;
    }
    return key;
  };
  const compute = (value: S, event: E): MachineStep<S> | undefined => {
    const before = snapshotOf(value);
    collected = [];
    const after = machine.transition(before, event, scope as never);
    // xstate returns the same snapshot for a self-transition too; its actions tell it was taken.
    if (after === before && collected.length === 0) return undefined;
    return { value: String(after.value) as S, actions: collected };
  };
  return {
    initial,
    step(value, event) {
      const key = keyOf(value, event);
      if (key === undefined) return compute(value, event);
      const known = memo.get(key);
      if (known !== undefined) return known ?? undefined;
      const result = compute(value, event);
      if (result) Object.freeze(result.actions);
      memo.set(key, result ?? null);
      return result;
    },
  };
}
