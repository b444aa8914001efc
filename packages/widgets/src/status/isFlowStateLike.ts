import type { FlowState } from '@onething/engine/runtime';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a value fetched from a status URL has the shape the status view reads: an application id,
 * a status, and items each with a status and the `outstanding` and `verifications` lists. Texts
 * inside are rendered as text whatever they hold, so nothing more is needed to render safely.
 */
export function isFlowStateLike(value: unknown): value is FlowState {
  if (!isRecord(value) || typeof value.applicationId !== 'string' || typeof value.status !== 'string') {
    return false;
  }
  if (!isRecord(value.items)) return false;
  return Object.values(value.items).every(
    (item) =>
      isRecord(item) &&
      typeof item.status === 'string' &&
      Array.isArray(item.outstanding) &&
      Array.isArray(item.verifications) &&
      (item.reasons === undefined || Array.isArray(item.reasons)),
  );
}
