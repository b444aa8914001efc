import { expect } from 'vitest';
import type { LoadResult } from './loadRun.js';

/**
 * What every load run must show, whatever the storage: each application accepted, stored and
 * completed, each item received by its department once, no key applied twice, no job given up.
 */
export function expectCleanRun(result: LoadResult, applications: number): void {
  expect(result.rejected).toEqual({});
  expect(result.accepted).toBe(applications);
  expect(result.statuses).toEqual({ completed: applications });
  expect(result.duplicates).toEqual([]);
  expect(result.unsent).toBe(0);
  expect(result.deadJobs).toBe(0);
}
