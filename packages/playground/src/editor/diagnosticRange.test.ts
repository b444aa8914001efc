import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@onething/engine';
import { diagnosticRange } from './diagnosticRange.js';
import { toLintDiagnostics } from './toLintDiagnostics.js';

const doc = Text.of([
  'id: newborn',
  'title: { zh-CN: "新生 儿" }',
  '',
  '  promisedDays: five days  # note',
  '',
]);
const slice = (r: { from: number; to: number }) => doc.sliceString(r.from, r.to);

describe('diagnosticRange', () => {
  it('covers the token at the position', () => {
    expect(slice(diagnosticRange(doc, 1, 1))).toBe('id');
    expect(slice(diagnosticRange(doc, 1, 5))).toBe('newborn');
    expect(slice(diagnosticRange(doc, 2, 17))).toBe('"新生 儿"');
    expect(slice(diagnosticRange(doc, 4, 17))).toBe('five days');
  });

  it('covers the rest of the line from a blank, the line from past its end', () => {
    expect(slice(diagnosticRange(doc, 2, 7))).toBe('{');
    expect(slice(diagnosticRange(doc, 1, 40))).toBe('id: newborn');
    expect(slice(diagnosticRange(doc, 4, 1))).toBe('promisedDays');
  });

  it('clamps lines out of range and handles empty lines and missing positions', () => {
    expect(diagnosticRange(doc, 99, 1)).toEqual({ from: doc.length, to: doc.length });
    expect(slice(diagnosticRange(doc, 0, 1))).toBe('id');
    expect(slice(diagnosticRange(doc, -3, -3))).toBe('id');
    expect(diagnosticRange(doc, 3, 5)).toEqual({ from: doc.line(3).from, to: doc.line(3).from });
    expect(slice(diagnosticRange(doc, undefined, undefined))).toBe('id');
    expect(diagnosticRange(Text.of(['']), 4, 4)).toEqual({ from: 0, to: 0 });
  });
});

describe('toLintDiagnostics', () => {
  const d: Diagnostic = {
    code: 'MERGE_CONFLICT' as Diagnostic['code'],
    severity: 'warning',
    path: '/title',
    message: '冲突',
    messages: { 'zh-CN': '冲突', en: 'Conflict' },
    params: {},
    line: 2,
    column: 1,
    related: [{ path: '/id', line: 1, column: 5 }],
  };

  it('carries severity, code, the message in the language asked and the related places', () => {
    const [lint] = toLintDiagnostics(doc, [d], 'en');
    expect(lint).toMatchObject({ severity: 'warning', source: 'MERGE_CONFLICT', from: doc.line(2).from });
    expect(lint!.message).toBe('Conflict\nRelated: line 1, column 5 (/id)');
    expect(toLintDiagnostics(doc, [d], 'zh-CN')[0]!.message).toBe('冲突\n相关位置: 第 1 行第 5 列 (/id)');
  });
});
