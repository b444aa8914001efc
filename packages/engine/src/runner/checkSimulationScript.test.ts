import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSimulationScript } from './checkSimulationScript.js';

const examples = new URL('../../../../examples/', import.meta.url).pathname;
const scenarios = readdirSync(examples).flatMap((example) => {
  const dir = join(examples, example, 'scenarios');
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files.sort().map((file) => ({ name: `${example}/${file}`, path: join(dir, file) }));
});

/** `[pointer, code]` of each diagnostic, for compact assertions. */
const found = (script: unknown) => checkSimulationScript(script).map((d) => [d.path, d.code]);

describe('checkSimulationScript', () => {
  it('finds the example scenarios', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(24);
  });

  it.each(scenarios)('accepts $name', ({ path }) => {
    expect(checkSimulationScript(JSON.parse(readFileSync(path, 'utf8')))).toEqual([]);
  });

  it('accepts an empty script and the documented example', () => {
    expect(checkSimulationScript({})).toEqual([]);
    expect(
      checkSimulationScript({
        start: '2025-03-17T09:00:00+08:00',
        horizonDays: 30,
        items: { birthReg: { steps: [{ status: 'approved', afterDays: 1 }, { status: 'issued' }] } },
        applicant: {
          supply: [{ material: 'm_hukouBook', afterDays: 2 }],
          answerCorrections: false,
          withdraw: { afterMs: 1000, reason: '不办了' },
        },
        verifications: { birthReg: { m_noHouseCommit: { result: 'breached', afterDays: 5 } } },
        operatorRetry: { afterDays: 1 },
      }),
    ).toEqual([]);
  });

  it.each([
    ['null', null],
    ['a list', []],
    ['a string', 'script'],
  ])('rejects %s as a whole', (_, script) => {
    expect(found(script)).toEqual([['', 'SIMULATION_SCRIPT_INVALID']]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a start without offset', { start: '2025-03-17T09:00:00' }, '/start'],
    ['a numeric start', { start: 1742173200000 }, '/start'],
    ['a zero horizon', { horizonDays: 0 }, '/horizonDays'],
    ['a horizon of text', { horizonDays: '30' }, '/horizonDays'],
    ['a horizon past ten years', { horizonDays: 3651 }, '/horizonDays'],
    ['data that is a list', { data: [] }, '/data'],
    ['materials that are text', { materials: 'all' }, '/materials'],
    ['an applicant that is text', { applicant: 'me' }, '/applicant'],
    ['supply that is not a list', { applicant: { supply: {} } }, '/applicant/supply'],
    [
      'a supply without material',
      { applicant: { supply: [{ afterDays: 1 }] } },
      '/applicant/supply/0/material',
    ],
    [
      'a supply with a numeric material',
      { applicant: { supply: [{ material: 'm_a' }, { material: 7 }] } },
      '/applicant/supply/1/material',
    ],
    [
      'a negative supply delay',
      { applicant: { supply: [{ material: 'm_a', afterDays: -1 }] } },
      '/applicant/supply/0/afterDays',
    ],
    [
      'a correction answer delay of text',
      { applicant: { answerCorrections: { afterMs: '1h' } } },
      '/applicant/answerCorrections/afterMs',
    ],
    ['a withdrawal that is true', { applicant: { withdraw: true } }, '/applicant/withdraw'],
    ['verifications that are a list', { verifications: [] }, '/verifications'],
    ['verifications of an item that are text', { verifications: { x: 'ok' } }, '/verifications/x'],
    [
      'a verification result that is unknown',
      { verifications: { x: { y: { result: 'passed' } } } },
      '/verifications/x/y/result',
    ],
    [
      'a verification without result',
      { verifications: { x: { y: { afterDays: 1 } } } },
      '/verifications/x/y/result',
    ],
    [
      'an operator retry delay past ten years',
      { operatorRetry: { afterMs: 1e12 } },
      '/operatorRetry/afterMs',
    ],
    ['an operator retry that is a number', { operatorRetry: 5 }, '/operatorRetry'],
  ])('reports %s at its pointer', (_, script, pointer) => {
    expect(found(script)).toEqual([[pointer, 'SIMULATION_SCRIPT_INVALID']]);
  });

  it('escapes keys in pointers', () => {
    expect(found({ verifications: { 'a/b': { 'm~1': { result: 'no' } } } })).toEqual([
      ['/verifications/a~1b/m~01/result', 'SIMULATION_SCRIPT_INVALID'],
    ]);
  });

  it('reports a supply entry that is not an object once per problem', () => {
    expect(found({ applicant: { supply: ['m_a'] } })).toEqual([
      ['/applicant/supply/0', 'SIMULATION_SCRIPT_INVALID'],
      ['/applicant/supply/0/material', 'SIMULATION_SCRIPT_INVALID'],
    ]);
  });

  it('hands the departments’ part to checkMemoryScript, unknown keys included', () => {
    // A key of neither part is reported once, with the keys of both (and a suggestion when close).
    expect(found({ horizonDays: 10, departments: {} })).toEqual([
      ['/departments', 'SIMULATION_SCRIPT_INVALID'],
    ]);
    expect(found({ items: { birthReg: { steps: [{ status: 'isued' }] } } })).toEqual([
      ['/items/birthReg/steps/0/status', 'ADAPTER_SCRIPT_UNKNOWN_STEP'],
    ]);
    expect(found({ default: { outage: { failures: -1 } } })).toEqual([
      ['/default/outage/failures', 'ADAPTER_SCRIPT_TYPE'],
    ]);
  });

  it('reports its own problems and the departments’ together', () => {
    expect(found({ start: 'soon', items: 3 })).toEqual([
      ['/start', 'SIMULATION_SCRIPT_INVALID'],
      ['/items', 'ADAPTER_SCRIPT_TYPE'],
    ]);
  });

  it('renders a message in both languages with the detail', () => {
    const [d] = checkSimulationScript({ horizonDays: -5 });
    expect(d!.severity).toBe('error');
    expect(d!.messages['zh-CN']).toContain('must be a number of days from 1 to 3650');
    expect(d!.messages.en).toContain('must be a number of days from 1 to 3650');
  });

  it(
    // Regression (fixed): `delay` bounds both `afterDays` and `afterMs` by 3650 × 86 400 000, a bound in
    // milliseconds, so `afterDays` up to 3.15e11 (billions of years) passes while the horizon is
    // checked to be at most 3650 days.
    'bounds afterDays by ten years, as afterMs and the horizon are',
    () => {
      expect(found({ operatorRetry: { afterDays: 4000 } })).toEqual([
        ['/operatorRetry/afterDays', 'SIMULATION_SCRIPT_INVALID'],
      ]);
    },
  );

  it(
    // Regression: a misspelt simulation key (`horizonDay`) went to checkMemoryScript, whose message
    // listed only its own keys and could not suggest `horizonDays`.
    'suggests the simulation key a typo was meant to be',
    () => {
      const [d] = checkSimulationScript({ horizonDay: 30 });
      expect(d!.path).toBe('/horizonDay');
      expect(d!.messages.en).toContain('horizonDays');
    },
  );
});
