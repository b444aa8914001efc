/**
 * Version of the flow's state machines and of the persisted `FlowState` shape. Bump it when a change
 * would make an old state or trace decide differently; stores and traces carry it, and a mismatch is
 * reported instead of silently replaying against other rules.
 */
export const FLOW_MACHINE_VERSION = 1;
