import { describe, expect, it } from 'vitest';
import { checkMemoryScript } from './checkMemoryScript.js';
import type { MemoryScript } from './MemoryScript.js';

const summary = (value: unknown) => checkMemoryScript(value).map((d) => [d.code, d.path]);

describe('checkMemoryScript', () => {
  it('accepts a full script, with items of any id', () => {
    const script: MemoryScript = {
      default: { intake: { outcome: 'accept', receiptNo: 'SL{seq:6}' }, steps: [{ status: 'inReview' }] },
      items: {
        anyItemAtAll: {
          outage: { failures: 2, message: 'down' },
          slowMs: 100,
          hang: 1,
          steps: [
            { status: 'correctionRequested', reasons: [{ 'zh-CN': '补正', en: 'Correct' }], afterMs: 5 },
            { status: 'specialStep', step: '听证', afterDays: 1.5 },
            { status: 'specialStepEnded', answerTwice: true },
            { status: 'approved' },
            {
              status: 'issued',
              licenceNo: '{department}{seq}',
              electronic: true,
              outputs: { no: 'N{seq:8}', n: 1 },
            },
          ],
        },
        other: {
          intake: { outcome: 'refuse', reasons: [{ 'zh-CN': '不予受理' }] },
          outage: { permanent: true },
        },
      },
    };
    expect(checkMemoryScript(script)).toEqual([]);
    expect(checkMemoryScript(JSON.parse(JSON.stringify(script)))).toEqual([]);
  });

  it('reports bad shapes at their JSON pointer', () => {
    expect(summary([])).toEqual([['ADAPTER_SCRIPT_TYPE', '']]);
    expect(
      summary({
        items: {
          'a/b': { slowMs: -1, hang: 'yes', steps: {} },
          c: { intake: { outcome: 'maybe' }, outage: { failures: 1.5 } },
          d: {
            intake: { outcome: 'refuse', reasons: ['no'] },
            steps: [{ status: 'denied', reasons: [], afterDays: '2' }],
          },
        },
      }),
    ).toEqual([
      ['ADAPTER_SCRIPT_TYPE', '/items/a~1b/slowMs'],
      ['ADAPTER_SCRIPT_TYPE', '/items/a~1b/hang'],
      ['ADAPTER_SCRIPT_TYPE', '/items/a~1b/steps'],
      ['ADAPTER_SCRIPT_TYPE', '/items/c/intake/outcome'],
      ['ADAPTER_SCRIPT_TYPE', '/items/c/outage/failures'],
      ['ADAPTER_SCRIPT_TYPE', '/items/d/intake/reasons/0'],
      ['ADAPTER_SCRIPT_TYPE', '/items/d/steps/0/afterDays'],
    ]);
  });

  it('names unknown steps and properties, with a suggestion', () => {
    const diagnostics = checkMemoryScript({
      defualt: {},
      items: {
        x: { steps: [{ status: 'isued' }, { status: 'issued', licenseNo: 'X' }, { status: 'toString' }] },
      },
    });
    expect(diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['ADAPTER_SCRIPT_UNKNOWN_KEY', '/defualt'],
      ['ADAPTER_SCRIPT_UNKNOWN_STEP', '/items/x/steps/0/status'],
      ['ADAPTER_SCRIPT_UNKNOWN_KEY', '/items/x/steps/1/licenseNo'],
      ['ADAPTER_SCRIPT_UNKNOWN_STEP', '/items/x/steps/2/status'],
    ]);
    expect(diagnostics[1]!.messages.en).toMatch(
      /Unknown step "isued" in the simulated department script \(issued\?\)/,
    );
    expect(diagnostics[2]!.messages.en).toMatch(/"licenseNo".*\(licenceNo\?\)/);
  });

  it('warns about an unknown placeholder in a pattern', () => {
    const [d] = checkMemoryScript({ default: { intake: { outcome: 'accept', receiptNo: 'SL{sequence}' } } });
    expect(d).toMatchObject({
      code: 'ADAPTER_SCRIPT_PLACEHOLDER',
      severity: 'warning',
      path: '/default/intake/receiptNo',
    });
  });
});
