import type { LocalizedText } from '../bundle/types.js';
import { hintFor } from '../bundle/didYouMean.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import { toPointer } from '../diagnostics/jsonPointer.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { PATTERN_PLACEHOLDERS, unknownPlaceholders } from './fillPattern.js';
import { MEMORY_STEP_STATUSES } from './MemoryScript.js';

type Path = Array<string | number>;
type Obj = Record<string, unknown>;

const EXPECTED = {
  object: { 'zh-CN': '对象', en: 'an object' },
  array: { 'zh-CN': '数组', en: 'an array' },
  string: { 'zh-CN': '非空字符串', en: 'a non-empty string' },
  boolean: { 'zh-CN': '布尔值', en: 'a boolean' },
  true: { 'zh-CN': 'true', en: 'true' },
  duration: { 'zh-CN': '不小于 0 的数', en: 'a number ≥ 0' },
  count: { 'zh-CN': '不小于 0 的整数', en: 'an integer ≥ 0' },
  text: { 'zh-CN': '{ "zh-CN", en? } 文本', en: 'a { "zh-CN", en? } text' },
  outcome: { 'zh-CN': '"accept" 或 "refuse"', en: '"accept" or "refuse"' },
} satisfies Record<string, LocalizedText>;

type Expected = keyof typeof EXPECTED;

const DELAY_KEYS = ['afterMs', 'afterDays', 'answerTwice'];
const STEP_KEYS: Record<string, string[]> = {
  inReview: [],
  correctionRequested: ['reasons'],
  approved: [],
  denied: ['reasons'],
  issued: ['licenceNo', 'licenceName', 'electronic', 'url', 'outputs'],
  specialStep: ['step'],
  specialStepEnded: [],
};

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const IS: Record<Expected, (v: unknown) => boolean> = {
  object: isObject,
  array: Array.isArray,
  string: (v) => typeof v === 'string' && v.length > 0,
  boolean: (v) => typeof v === 'boolean',
  true: (v) => v === true,
  duration: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  count: (v) => Number.isInteger(v) && (v as number) >= 0,
  text: (v) =>
    isObject(v) && typeof v['zh-CN'] === 'string' && (v.en === undefined || typeof v.en === 'string'),
  outcome: (v) => v === 'accept' || v === 'refuse',
};

/**
 * Check a memory-department script loaded from JSON (`onething simulate --script outcomes.json`).
 * Item ids are not checked (a script may name items of other bundles); unknown properties, unknown
 * step statuses and values of the wrong type are errors, unknown pattern placeholders warnings, each
 * with the JSON Pointer of the offending value.
 *
 * @example
 * const diagnostics = checkMemoryScript(JSON.parse(text));
 * if (!diagnostics.some((d) => d.severity === 'error')) createMemoryAdapter({ script: JSON.parse(text), clock });
 */
export function checkMemoryScript(value: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (code: DiagnosticCode, path: Path, params: Record<string, unknown>) =>
    out.push(createDiagnostic(code, { path: toPointer(path), params }));

  /** Whether `v` is of the expected kind; reports it when not. */
  const expect = (v: unknown, kind: Expected, path: Path): boolean => {
    if (IS[kind](v)) return true;
    const actual =
      v === null ? 'null' : Array.isArray(v) ? 'array' : isObject(v) ? 'object' : JSON.stringify(v);
    report('ADAPTER_SCRIPT_TYPE', path, {
      name: String(path.at(-1) ?? 'script'),
      expected: EXPECTED[kind],
      actual,
    });
    return false;
  };
  const keys = (obj: Obj, allowed: string[], path: Path) => {
    for (const key of Object.keys(obj))
      if (!allowed.includes(key))
        report('ADAPTER_SCRIPT_UNKNOWN_KEY', [...path, key], { key, hint: hintFor(key, allowed), allowed });
  };
  const pattern = (v: unknown, path: Path) => {
    if (!expect(v, 'string', path)) return;
    for (const placeholder of unknownPlaceholders(v as string))
      report('ADAPTER_SCRIPT_PLACEHOLDER', path, { pattern: v, placeholder, allowed: PATTERN_PLACEHOLDERS });
  };
  const optional = (obj: Obj, key: string, kind: Expected, path: Path) => {
    if (obj[key] !== undefined) expect(obj[key], kind, [...path, key]);
  };
  const texts = (v: unknown, path: Path) => {
    if (expect(v, 'array', path)) (v as unknown[]).forEach((t, i) => expect(t, 'text', [...path, i]));
  };

  const step = (s: unknown, path: Path) => {
    if (!expect(s, 'object', path)) return;
    const o = s as Obj;
    const status = String(o.status);
    const own = Object.hasOwn(STEP_KEYS, status) ? STEP_KEYS[status] : undefined;
    if (!own) {
      const allowed = [...MEMORY_STEP_STATUSES];
      report('ADAPTER_SCRIPT_UNKNOWN_STEP', [...path, 'status'], {
        status,
        hint: hintFor(status, allowed),
        allowed,
      });
      return;
    }
    keys(o, ['status', ...DELAY_KEYS, ...own], path);
    optional(o, 'afterMs', 'duration', path);
    optional(o, 'afterDays', 'duration', path);
    optional(o, 'answerTwice', 'boolean', path);
    if (own.includes('reasons')) texts(o.reasons, [...path, 'reasons']);
    if (o.status === 'specialStep') expect(o.step, 'string', [...path, 'step']);
    if (o.status !== 'issued') return;
    if (o.licenceNo !== undefined) pattern(o.licenceNo, [...path, 'licenceNo']);
    optional(o, 'licenceName', 'text', path);
    optional(o, 'electronic', 'boolean', path);
    optional(o, 'url', 'string', path);
    if (o.outputs !== undefined && expect(o.outputs, 'object', [...path, 'outputs']))
      for (const [name, v] of Object.entries(o.outputs as Obj))
        if (typeof v === 'string') pattern(v, [...path, 'outputs', name]);
  };

  const item = (v: unknown, path: Path) => {
    if (!expect(v, 'object', path)) return;
    const o = v as Obj;
    keys(o, ['intake', 'outage', 'slowMs', 'hang', 'steps'], path);
    if (o.intake !== undefined && expect(o.intake, 'object', [...path, 'intake'])) {
      const intake = o.intake as Obj;
      const at = [...path, 'intake'];
      if (expect(intake.outcome, 'outcome', [...at, 'outcome'])) {
        const refuse = intake.outcome === 'refuse';
        keys(intake, ['outcome', refuse ? 'reasons' : 'receiptNo'], at);
        if (refuse) texts(intake.reasons, [...at, 'reasons']);
        else if (intake.receiptNo !== undefined) pattern(intake.receiptNo, [...at, 'receiptNo']);
      }
    }
    if (o.outage !== undefined && expect(o.outage, 'object', [...path, 'outage'])) {
      const outage = o.outage as Obj;
      const at = [...path, 'outage'];
      const permanent = outage.permanent !== undefined;
      keys(outage, [permanent ? 'permanent' : 'failures', 'message'], at);
      if (permanent) expect(outage.permanent, 'true', [...at, 'permanent']);
      else expect(outage.failures, 'count', [...at, 'failures']);
      optional(outage, 'message', 'string', at);
    }
    optional(o, 'slowMs', 'duration', path);
    if (typeof o.hang !== 'boolean') optional(o, 'hang', 'count', path);
    if (o.steps !== undefined && expect(o.steps, 'array', [...path, 'steps']))
      (o.steps as unknown[]).forEach((s, i) => step(s, [...path, 'steps', i]));
  };

  if (!expect(value, 'object', [])) return out;
  const script = value as Obj;
  keys(script, ['default', 'items'], []);
  if (script.default !== undefined) item(script.default, ['default']);
  if (script.items !== undefined && expect(script.items, 'object', ['items']))
    for (const [id, v] of Object.entries(script.items as Obj)) item(v, ['items', id]);
  return out;
}
