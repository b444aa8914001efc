import { checkMemoryScript } from '../adapters/checkMemoryScript.js';
import { hintFor } from '../bundle/didYouMean.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { toPointer } from '../diagnostics/jsonPointer.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { parseInstant } from '../flow/instants.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const SIMULATION_KEYS = [
  'data',
  'start',
  'horizonDays',
  'materials',
  'applicant',
  'verifications',
  'operatorRetry',
];

/**
 * Check a simulation script loaded from JSON: its own keys (start, horizon, applicant actions,
 * 核查 outcomes, operator retries) here, the departments' part with `checkMemoryScript`.
 */
export function checkSimulationScript(value: unknown): Diagnostic[] {
  if (!isObject(value)) return [problem([], 'the script must be a JSON object')];
  const out: Diagnostic[] = [];
  const delay = (v: unknown, path: Array<string | number>) => {
    if (!isObject(v)) return out.push(problem(path, 'must be an object'));
    const limits = { afterDays: 3650, afterMs: 3650 * 86_400_000 } as const;
    for (const [key, max] of Object.entries(limits)) {
      const n = v[key];
      if (n !== undefined && (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > max)) {
        out.push(problem([...path, key], `must be a number from 0 to ${max}`));
      }
    }
    return 0;
  };
  if (value.start !== undefined && parseInstant(value.start) === undefined) {
    out.push(problem(['start'], 'must be an ISO instant with an offset, e.g. 2025-03-17T09:00:00+08:00'));
  }
  const horizon = value.horizonDays;
  if (horizon !== undefined && (typeof horizon !== 'number' || !(horizon > 0) || horizon > 3650)) {
    out.push(problem(['horizonDays'], 'must be a number of days from 1 to 3650'));
  }
  if (value.data !== undefined && !isObject(value.data))
    out.push(problem(['data'], 'must be an object of field values'));
  if (value.materials !== undefined && !isObject(value.materials))
    out.push(problem(['materials'], 'must be an object of material decisions'));
  const applicant = value.applicant;
  if (applicant !== undefined) {
    if (!isObject(applicant)) out.push(problem(['applicant'], 'must be an object'));
    else {
      if (applicant.supply !== undefined) {
        if (!Array.isArray(applicant.supply)) out.push(problem(['applicant', 'supply'], 'must be a list'));
        else
          applicant.supply.forEach((s: unknown, i) => {
            delay(s, ['applicant', 'supply', i]);
            if (!isObject(s) || typeof s.material !== 'string')
              out.push(problem(['applicant', 'supply', i, 'material'], 'must be a material id'));
          });
      }
      if (applicant.answerCorrections !== undefined && applicant.answerCorrections !== false)
        delay(applicant.answerCorrections, ['applicant', 'answerCorrections']);
      if (applicant.withdraw !== undefined) delay(applicant.withdraw, ['applicant', 'withdraw']);
    }
  }
  if (value.verifications !== undefined) {
    if (!isObject(value.verifications)) out.push(problem(['verifications'], 'must be an object by item id'));
    else
      for (const [item, byMaterial] of Object.entries(value.verifications)) {
        if (!isObject(byMaterial)) {
          out.push(problem(['verifications', item], 'must be an object by material id'));
          continue;
        }
        for (const [material, outcome] of Object.entries(byMaterial)) {
          delay(outcome, ['verifications', item, material]);
          if (!isObject(outcome) || (outcome.result !== 'verified' && outcome.result !== 'breached')) {
            out.push(
              problem(['verifications', item, material, 'result'], 'must be "verified" or "breached"'),
            );
          }
        }
      }
  }
  if (value.operatorRetry !== undefined) delay(value.operatorRetry, ['operatorRetry']);
  // Keys of neither part: most likely a typo of a simulation key, which checkMemoryScript cannot suggest.
  const known = [...SIMULATION_KEYS, 'default', 'items'];
  for (const key of Object.keys(value)) {
    if (known.includes(key) || key.startsWith('x-')) continue;
    out.push(problem([key], `unknown key "${key}"${hintFor(key, known)}; keys: ${known.join(', ')}`));
  }
  const departments = Object.fromEntries(
    Object.entries(value).filter(([key]) => key === 'default' || key === 'items'),
  );
  return [...out, ...checkMemoryScript(departments)];
}

function problem(path: Array<string | number>, detail: string): Diagnostic {
  return createDiagnostic('SIMULATION_SCRIPT_INVALID', {
    path: toPointer(path.map(String)),
    params: { detail },
  });
}
