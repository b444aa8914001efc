/**
 * A simulation script (`onething simulate --script outcomes.json`): what the departments do (a
 * `MemoryScript`, shared by every department and keyed by item id) plus what the applicant, the
 * 核查 office and operators do, each after a delay on the virtual clock. Plain JSON.
 *
 * @example
 * {
 *   "items": { "birthReg": { "steps": [{ "status": "approved", "afterDays": 1 }, { "status": "issued" }] } },
 *   "applicant": { "supply": [{ "material": "m_hukouBook", "afterDays": 2 }] },
 *   "verifications": { "birthReg": { "m_noHouseCommit": { "result": "breached", "afterDays": 5 } } }
 * }
 */
import type { MemoryScript } from '../adapters/MemoryScript.js';
import type { MaterialDecisions } from '../form/types.js';

/** A delay on the virtual clock: calendar days of 24 h and/or milliseconds. */
export interface SimulationDelay {
  afterDays?: number;
  afterMs?: number;
}

export interface SimulationScript extends MemoryScript {
  /** Start of the simulation (default 2025-03-17T09:00:00+08:00, a Monday). */
  start?: string;
  /** Stop after this many calendar days of virtual time (default 120). */
  horizonDays?: number;
  /** Field values merged over the application data (`--data`), for a variant of one data file. */
  data?: Record<string, unknown>;
  /** The applicant's material decisions, when not given separately (`--materials`). */
  materials?: MaterialDecisions;
  applicant?: {
    /** 容缺 materials supplied, each after a delay from submission. */
    supply?: Array<SimulationDelay & { material: string }>;
    /** Answer every 补正 request after a delay, with corrected data and materials (default: answer after 1 day). */
    answerCorrections?:
      (SimulationDelay & { data?: Record<string, unknown>; materials?: MaterialDecisions }) | false;
    /** Withdraw the application after a delay from submission. */
    withdraw?: SimulationDelay & { reason?: string };
  };
  /** 告知承诺 核查 outcomes by item and material, each after a delay from the `verify` task. */
  verifications?: Record<
    string,
    Record<string, SimulationDelay & { result: 'verified' | 'breached'; note?: string }>
  >;
  /** An operator retries an item that failed, after a delay (default: never). */
  operatorRetry?: SimulationDelay;
}

/** Milliseconds of a delay. */
export function delayMs(delay: SimulationDelay | undefined): number {
  return (delay?.afterDays ?? 0) * 86_400_000 + (delay?.afterMs ?? 0);
}
