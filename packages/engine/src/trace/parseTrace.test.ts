import { describe, expect, it } from 'vitest';
import { parseTrace } from './parseTrace.js';

const header = {
  kind: 'header',
  format: 'onething-trace',
  version: 1,
  bundle: { id: 'mini', version: '1.0.0', hash: '0123456789abcdef' },
  machineVersion: 1,
  applicationId: 'A1',
  startedAt: '2025-03-20T09:00:00+08:00',
  tokenised: false,
};
const step = (n: number) => ({
  kind: 'step',
  n,
  input: { at: '2025-03-20T09:01:00+08:00', event: { type: 'withdraw' } },
  effects: [{ type: 'notify', notification: { kind: 'applicationStatus', from: 'draft', to: 'withdrawn' } }],
  state: { status: 'withdrawn', items: { a: 'withdrawn' }, timers: [], digest: '0011223344556677' },
});
const end = (steps: number) => ({ kind: 'end', steps });
const jsonl = (...lines: unknown[]) =>
  lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
const codes = (text: unknown, limits = {}) =>
  parseTrace(text, limits).diagnostics.map((d) => [d.code, d.path, d.line]);

describe('parseTrace', () => {
  it('reads a well-formed trace, with CRLF line ends and a BOM', () => {
    const result = parseTrace('\uFEFF' + jsonl(header, step(1), step(2), end(2)).replace(/\n/g, '\r\n'));
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.header?.applicationId).toBe('A1');
    expect(result.steps.map((s) => s.n)).toEqual([1, 2]);
    expect(result.stepLines).toEqual([2, 3]);
    expect(result.end).toEqual({ kind: 'end', steps: 2 });
  });

  it('reports text that is not a trace at all', () => {
    expect(codes(new Uint8Array([1, 2]))).toEqual([['TRACE_NOT_TEXT', '', undefined]]);
    expect(codes(null)).toEqual([['TRACE_NOT_TEXT', '', undefined]]);
    expect(codes('')).toEqual([['TRACE_EMPTY', '', undefined]]);
    expect(codes(' \n\n')).toEqual([['TRACE_EMPTY', '', undefined]]);
  });

  it('reports a malformed JSON line by its line, and a missing header when it is line 1', () => {
    expect(codes(jsonl(header, '{"kind":"step",', end(0)))).toEqual([['TRACE_SYNTAX', '/lines/1', 2]]);
    expect(codes(jsonl('not json', end(0)))).toEqual([
      ['TRACE_SYNTAX', '/lines/0', 1],
      ['TRACE_HEADER_MISSING', '/lines/0', 1],
    ]);
  });

  it('reports a missing or a second header', () => {
    expect(codes(jsonl(step(1), end(1)))).toEqual([['TRACE_HEADER_MISSING', '/lines/0', 1]]);
    expect(parseTrace(jsonl(step(1), end(1))).ok).toBe(false);
    expect(codes(jsonl(header, step(1), header, end(1)))).toEqual([
      ['TRACE_HEADER_DUPLICATE', '/lines/2', 3],
    ]);
  });

  it('refuses another format or version and reads no further', () => {
    expect(codes(jsonl({ ...header, version: 2 }, 'garbage'))).toEqual([
      ['TRACE_FORMAT_UNKNOWN', '/lines/0/version', 1],
    ]);
    const other = parseTrace(jsonl({ ...header, format: 'other' }));
    expect(other.diagnostics[0]!.message).toContain('other');
    expect(other.ok).toBe(false);
  });

  it('reports steps out of order once, then follows the new numbering', () => {
    expect(codes(jsonl(header, step(1), step(3), step(4), end(3)))).toEqual([
      ['TRACE_STEP_ORDER', '/lines/2/n', 3],
    ]);
    expect(codes(jsonl(header, step(2), end(1)))).toEqual([['TRACE_STEP_ORDER', '/lines/1/n', 2]]);
  });

  it('detects truncation: no end line, or an end line counting other steps', () => {
    expect(codes(jsonl(header, step(1)))).toEqual([['TRACE_TRUNCATED', '/lines/2', 3]]);
    expect(codes(jsonl(header, step(1), end(2)))).toEqual([['TRACE_TRUNCATED', '/lines/2/steps', 3]]);
    // A file cut mid-line: the broken last line and the missing end.
    const cut = jsonl(header, step(1), end(1)).slice(0, -20);
    expect(codes(cut).map(([code]) => code)).toEqual(['TRACE_SYNTAX', 'TRACE_TRUNCATED']);
  });

  it('reports content after the end line', () => {
    expect(codes(jsonl(header, end(0), step(1)))).toEqual([['TRACE_AFTER_END', '/lines/2', 3]]);
  });

  it('reports lines of the wrong shape with a pointer inside the line', () => {
    const bad = {
      ...step(1),
      n: '1',
      effects: {},
      extra: 1,
      state: { status: 'draft', items: { a: 3 }, timers: [1], digest: 'x' },
    };
    expect(codes(jsonl(header, bad, end(1)))).toEqual([
      ['TRACE_LINE_INVALID', '/lines/1/extra', 2],
      ['TRACE_LINE_INVALID', '/lines/1/n', 2],
      ['TRACE_LINE_INVALID', '/lines/1/effects', 2],
      ['TRACE_LINE_INVALID', '/lines/1/state/items/a', 2],
      ['TRACE_LINE_INVALID', '/lines/1/state/timers/0', 2],
      ['TRACE_TRUNCATED', '/lines/2/steps', 3],
    ]);
    expect(codes(jsonl(header, [1], 'null', { kind: 'nope' }, end(0)))).toEqual([
      ['TRACE_LINE_INVALID', '/lines/1', 2],
      ['TRACE_LINE_INVALID', '/lines/2', 3],
      ['TRACE_LINE_INVALID', '/lines/3/kind', 4],
    ]);
    expect(codes(jsonl({ ...header, tokenised: 'yes', bundle: { id: 'x' } }, end(0)))).toEqual([
      ['TRACE_LINE_INVALID', '/lines/0/bundle/version', 1],
      ['TRACE_LINE_INVALID', '/lines/0/bundle/hash', 1],
      ['TRACE_LINE_INVALID', '/lines/0/tokenised', 1],
    ]);
    const message = parseTrace(jsonl(header, { ...step(1), n: 0 }, end(0))).diagnostics[0]!;
    expect(message.messages.en).toBe('Line 2 has the wrong shape: /n must be a positive integer');
    expect(message.messages['zh-CN']).toBe('第 2 行格式不正确：/n 应为正整数');
  });

  it('drops __proto__ keys without polluting prototypes', () => {
    const line = `{"kind":"step","n":1,"input":{"at":"x","event":{"type":"submit","data":{"__proto__":{"polluted":true}}}},"effects":[],"state":{"status":"draft","items":{},"timers":[],"digest":"0"}}`;
    const result = parseTrace(jsonl(header, line, end(1)));
    expect(result.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['FORBIDDEN_KEY', '/lines/1/input/event/data/__proto__'],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.steps[0]!.input.event).toEqual({ type: 'submit', data: {} });
  });

  it('caps the size of the text, of a line and the number of lines', () => {
    expect(codes(jsonl(header, end(0)), { maxChars: 100 })[0]![0]).toBe('TRACE_TOO_LARGE');
    expect(codes(jsonl(header, step(1), end(1)), { maxLineChars: JSON.stringify(header).length })).toEqual([
      ['TRACE_LINE_TOO_LONG', '/lines/1', 2],
      ['TRACE_TRUNCATED', '/lines/2/steps', 3],
    ]);
    expect(codes(jsonl(header, step(1), step(2), end(2)), { maxLines: 2 })).toEqual([
      ['TRACE_TOO_MANY_LINES', '/lines/2', 3],
      ['TRACE_TRUNCATED', '/lines/4', 5],
    ]);
  });
});
