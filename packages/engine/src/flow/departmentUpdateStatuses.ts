import type { DepartmentUpdate } from './types.js';

/**
 * Every status a department's update may carry (`DepartmentUpdate['status']`), for schemas and
 * checks outside TypeScript (the server's callback route, memory scripts). The type below fails to
 * compile if the list and the union drift apart.
 */
export const DEPARTMENT_UPDATE_STATUSES = [
  'inReview',
  'correctionRequested',
  'approved',
  'denied',
  'issued',
  'specialStep',
  'specialStepEnded',
] as const satisfies ReadonlyArray<DepartmentUpdate['status']>;

type Missing = Exclude<DepartmentUpdate['status'], (typeof DEPARTMENT_UPDATE_STATUSES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;
