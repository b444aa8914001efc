/**
 * What a scripted in-memory department does (`createMemoryAdapter`). Plain JSON, so that
 * `onething simulate --script outcomes.json` can load one; check a loaded script with `checkMemoryScript`.
 *
 * Text patterns (`receiptNo`, `licenceNo`, string `outputs`) may use placeholders, filled the same way
 * for every run: `{seq}` — the submission's number in this adapter (1, 2, …, in order of acceptance),
 * `{seq:6}` — the same, zero-padded to 6 digits, `{item}`, `{department}` and `{applicationId}`.
 *
 * @example
 * const script: MemoryScript = {
 *   default: { steps: [{ status: 'inReview' }, { status: 'issued', afterDays: 3 }] },
 *   items: {
 *     birthReg: {
 *       outage: { failures: 2 },
 *       steps: [{ status: 'issued', afterMs: 60_000, outputs: { birthCertNo: 'N350{seq:6}' } }],
 *     },
 *     hukou: { intake: { outcome: 'refuse', reasons: [{ 'zh-CN': '户籍地不符', en: 'Wrong registry' }] } },
 *   },
 * };
 */
import type { LocalizedText } from '../bundle/types.js';
import { DEPARTMENT_UPDATE_STATUSES } from '../flow/departmentUpdateStatuses.js';

export interface MemoryScript {
  /**
   * Behaviour of every item; an item's own entry overrides it field by field. Without it: accept,
   * then `inReview` and `issued` at once.
   */
  default?: MemoryItemScript;
  /** Per item id. An item the script does not name follows `default`. */
  items?: Record<string, MemoryItemScript>;
}

/** What the department does with one item. */
export interface MemoryItemScript {
  /** 受理 or 不予受理 at intake (default: accept). */
  intake?: MemoryIntake;
  /** The department's system is down: `submit` fails without taking effect. */
  outage?: MemoryOutage;
  /**
   * Delay in real milliseconds before `submit` answers. The submission takes effect at once (the reply
   * is slow, not the department), so a retry with the same key finds it. Abort → transient failure.
   */
  slowMs?: number;
  /**
   * `submit` takes effect but never answers until the caller aborts (→ transient failure `aborted`):
   * `true` for every call, a number for the item's first N calls (a retry then finds the submission).
   */
  hang?: boolean | number;
  /** Review steps after acceptance, in order (default: none). */
  steps?: MemoryStep[];
}

export type MemoryIntake =
  /** 受理; `receiptNo` is a pattern (default `SL{seq:6}`). */
  | { outcome: 'accept'; receiptNo?: string }
  /** 不予受理, with the reasons shown to the applicant. */
  | { outcome: 'refuse'; reasons: LocalizedText[] };

export type MemoryOutage =
  /** The item's first `failures` submit calls fail as transient (the runner retries). */
  | { failures: number; message?: string }
  /** Every submit call fails, as a permanent failure. */
  | { permanent: true; message?: string };

/**
 * When a step happens: `afterMs` milliseconds and/or `afterDays` calendar days (24 h, not working days)
 * after the previous step — or after acceptance, or after the applicant's answer to a 补正 request.
 * Measured on the runner's clock (`CallOptions.now` of `poll`), never on a timer.
 */
export interface MemoryDelay {
  afterMs?: number;
  afterDays?: number;
  /** Deliver this update twice with the same event id, as departments sometimes do. */
  answerTwice?: boolean;
}

/** One review step; each becomes a `DepartmentUpdate` delivered by `poll`. */
export type MemoryStep = MemoryDelay &
  (
    | { status: 'inReview' }
    /** 补正: the following steps wait for a `supplement` call (the applicant's answer). */
    | { status: 'correctionRequested'; reasons: LocalizedText[] }
    | { status: 'approved' }
    | { status: 'denied'; reasons: LocalizedText[] }
    /**
     * The licence. Held back while a 容缺 (`deferred`) material of the submission is not supplied.
     * `licenceNo` is a pattern (default `ZZ{seq:6}`); string `outputs` are patterns too.
     */
    | {
        status: 'issued';
        licenceNo?: string;
        licenceName?: LocalizedText;
        electronic?: boolean;
        url?: string;
        outputs?: Record<string, unknown>;
      }
    /** An excluded special step (检验, 听证…), e.g. `{ status: 'specialStep', step: '现场核查' }`. */
    | { status: 'specialStep'; step: string }
    | { status: 'specialStepEnded' }
  );

/** The status names a step may have: a department update's. */
export const MEMORY_STEP_STATUSES = DEPARTMENT_UPDATE_STATUSES;
