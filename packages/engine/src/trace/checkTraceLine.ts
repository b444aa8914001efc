import type { LocalizedText } from '../bundle/types.js';
import { toPointer } from '../diagnostics/jsonPointer.js';

/** One shape problem of a trace line: where (JSON Pointer inside the line) and what was expected. */
export interface TraceLineProblem {
  pointer: string;
  detail: LocalizedText;
}

type Expected = 'object' | 'array' | 'string' | 'boolean' | 'count' | 'step number' | 'absent' | 'kind';

const WORDS: Record<Expected, LocalizedText> = {
  object: { 'zh-CN': '对象', en: 'an object' },
  array: { 'zh-CN': '数组', en: 'an array' },
  string: { 'zh-CN': '字符串', en: 'a string' },
  boolean: { 'zh-CN': '布尔值', en: 'a boolean' },
  count: { 'zh-CN': '非负整数', en: 'a non-negative integer' },
  'step number': { 'zh-CN': '正整数', en: 'a positive integer' },
  absent: { 'zh-CN': '不存在（未知属性）', en: 'absent (unknown property)' },
  kind: { 'zh-CN': '"header"、"step" 或 "end"', en: '"header", "step" or "end"' },
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const is: Record<Expected, (v: unknown) => boolean> = {
  object: isObject,
  array: Array.isArray,
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  count: (v) => Number.isSafeInteger(v) && (v as number) >= 0,
  'step number': (v) => Number.isSafeInteger(v) && (v as number) >= 1,
  absent: (v) => v === undefined,
  kind: (v) => v === 'header' || v === 'step' || v === 'end',
};

const ALLOWED: Record<string, ReadonlySet<string>> = {
  header: new Set([
    'kind',
    'format',
    'version',
    'bundle',
    'machineVersion',
    'applicationId',
    'startedAt',
    'tokenised',
    'createdBy',
  ]),
  step: new Set(['kind', 'n', 'input', 'effects', 'state', 'diagnostics']),
  end: new Set(['kind', 'steps']),
};
const MAX_PROBLEMS = 20;

/**
 * Check the shape of one parsed trace line (what `schema/trace.schema.json` says, without ajv: the
 * core compiles no validators at run time). The contents of events and effects are the decider's to
 * judge on replay; only what the trace itself relies on is checked here.
 */
export function checkTraceLine(value: unknown): TraceLineProblem[] {
  const problems: TraceLineProblem[] = [];
  const expect = (value: unknown, expected: Expected, pointer: string): boolean => {
    if (is[expected](value)) return true;
    if (problems.length < MAX_PROBLEMS) {
      const word = WORDS[expected];
      const where = pointer || '/';
      problems.push({
        pointer,
        detail: { 'zh-CN': `${where} 应为${word['zh-CN']}`, en: `${where} must be ${word.en}` },
      });
    }
    return false;
  };
  const expectRecordOf = (value: unknown, expected: Expected, pointer: string) => {
    if (!expect(value, 'object', pointer)) return;
    for (const [key, entry] of Object.entries(value as object))
      expect(entry, expected, `${pointer}${toPointer([key])}`);
  };
  const expectListOf = (
    value: unknown,
    check: (entry: unknown, pointer: string) => void,
    pointer: string,
  ) => {
    if (!expect(value, 'array', pointer)) return;
    (value as unknown[]).forEach((entry, index) => check(entry, `${pointer}/${index}`));
  };

  if (!expect(value, 'object', '')) return problems;
  const line = value as Record<string, unknown>;
  if (!expect(line.kind, 'kind', '/kind')) return problems;
  const allowed = ALLOWED[line.kind as string]!;
  for (const key of Object.keys(line)) if (!allowed.has(key)) expect(line[key], 'absent', toPointer([key]));

  if (line.kind === 'header') {
    if (expect(line.bundle, 'object', '/bundle')) {
      const bundle = line.bundle as Record<string, unknown>;
      for (const key of ['id', 'version', 'hash']) expect(bundle[key], 'string', `/bundle/${key}`);
    }
    expect(line.machineVersion, 'count', '/machineVersion');
    expect(line.applicationId, 'string', '/applicationId');
    expect(line.startedAt, 'string', '/startedAt');
    expect(line.tokenised, 'boolean', '/tokenised');
    if (line.createdBy !== undefined) expect(line.createdBy, 'string', '/createdBy');
  } else if (line.kind === 'step') {
    expect(line.n, 'step number', '/n');
    if (expect(line.input, 'object', '/input')) {
      const input = line.input as Record<string, unknown>;
      expect(input.at, 'string', '/input/at');
      if (expect(input.event, 'object', '/input/event')) {
        expect((input.event as Record<string, unknown>).type, 'string', '/input/event/type');
      }
    }
    expectListOf(
      line.effects,
      (effect, pointer) => {
        if (expect(effect, 'object', pointer))
          expect((effect as Record<string, unknown>).type, 'string', `${pointer}/type`);
      },
      '/effects',
    );
    if (expect(line.state, 'object', '/state')) {
      const state = line.state as Record<string, unknown>;
      for (const key of Object.keys(state)) {
        if (!['status', 'items', 'timers', 'digest'].includes(key))
          expect(state[key], 'absent', `/state${toPointer([key])}`);
      }
      expect(state.status, 'string', '/state/status');
      expectRecordOf(state.items, 'string', '/state/items');
      expectListOf(state.timers, (id, pointer) => expect(id, 'string', pointer), '/state/timers');
      expect(state.digest, 'string', '/state/digest');
    }
    if (line.diagnostics !== undefined) {
      expectListOf(
        line.diagnostics,
        (d, pointer) => {
          if (!expect(d, 'object', pointer)) return;
          expect((d as Record<string, unknown>).code, 'string', `${pointer}/code`);
          expect((d as Record<string, unknown>).path, 'string', `${pointer}/path`);
        },
        '/diagnostics',
      );
    }
  } else {
    expect(line.steps, 'count', '/steps');
  }
  return problems;
}
