import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTICS } from '../diagnostics/codes.js';
import { parseTrace } from './parseTrace.js';

const valid = [
  '{"kind":"header","format":"onething-trace","version":1,"bundle":{"id":"b","version":"1.0.0","hash":"h"},"machineVersion":1,"applicationId":"A","startedAt":"2025-03-20T09:00:00+08:00","tokenised":true}',
  '{"kind":"step","n":1,"input":{"at":"2025-03-20T09:01:00+08:00","event":{"type":"withdraw"}},"effects":[],"state":{"status":"withdrawn","items":{},"timers":[],"digest":"0011223344556677"}}',
  '{"kind":"end","steps":1}',
].join('\n');

describe('parseTrace (hostile input)', () => {
  it('never throws and always returns well-formed diagnostics', () => {
    const mutated = fc
      .tuple(fc.nat(valid.length), fc.nat(40), fc.string({ unit: 'binary', maxLength: 40 }))
      .map(
        ([at, cut, insert]) => valid.slice(0, at) + insert + valid.slice(Math.min(valid.length, at + cut)),
      );
    fc.assert(
      fc.property(
        fc.oneof(
          mutated,
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const result = parseTrace(text);
          expect(typeof result.ok).toBe('boolean');
          for (const d of result.diagnostics) {
            expect(DIAGNOSTICS[d.code]).toBeDefined();
            expect(d.path === '' || d.path.startsWith('/')).toBe(true);
          }
          if (result.ok) expect(result.header).toBeDefined();
        },
      ),
      { numRuns: 400 },
    );
  });

  it('survives huge and deeply nested lines', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(parseTrace(`${valid}\n${deep}`).diagnostics.map((d) => d.code)).toContain('TRACE_AFTER_END');
    expect(parseTrace(deep).diagnostics.map((d) => d.code)).toContain('NESTING_TOO_DEEP');
    const huge = `{"kind":"end","steps":${'1'.repeat(5_000_000)}}`;
    expect(parseTrace(huge).diagnostics.map((d) => d.code)).toEqual([
      'TRACE_LINE_TOO_LONG',
      'TRACE_HEADER_MISSING',
    ]);
  });
});
