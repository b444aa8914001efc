import type { LocalizedText } from '../bundle/types.js';
import { sanitizeValue } from '../bundle/sanitizeValue.js';
import type { DiagnosticCode } from '../diagnostics/codes.js';
import { createDiagnostic } from '../diagnostics/createDiagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { checkTraceLine } from './checkTraceLine.js';
import { TRACE_FORMAT, TRACE_VERSION, type TraceEnd, type TraceHeader, type TraceStep } from './types.js';

/** Size limits of `parseTrace`; a trace is a test fixture or an incident record, not a database. */
export interface TraceLimits {
  /** Characters of the whole text (default 32 Mi). */
  maxChars?: number;
  /** Characters of one line (default 4 Mi). */
  maxLineChars?: number;
  /** Lines read (default 100 000). */
  maxLines?: number;
}

/** A parsed trace: the lines that have the right shape, and what was wrong with the others. */
export interface ParsedTrace {
  /** No error diagnostics: the header, every step in order and the end line are present. */
  ok: boolean;
  header?: TraceHeader;
  steps: TraceStep[];
  /** 1-based line number of each of `steps`. */
  stepLines: number[];
  end?: TraceEnd;
  /** `TRACE_*` diagnostics; `path` is `/lines/<index>` (0-based) plus a pointer inside the line, `line` 1-based. */
  diagnostics: Diagnostic[];
}

const MAX_DIAGNOSTICS = 100;
const MAX_DETAIL = 200;

/**
 * Parse a JSON Lines trace. Never throws, whatever the input (binary, huge lines, `__proto__` keys,
 * deep nesting): every problem is a `TRACE_*` diagnostic naming its line, and lines of the wrong shape
 * are left out of `steps`.
 *
 * @example
 * const parsed = parseTrace(await readFile('happy-path.jsonl', 'utf8'));
 * if (!parsed.ok) console.log(parsed.diagnostics.map((d) => `line ${d.line}: ${d.message}`));
 */
export function parseTrace(text: unknown, limits: TraceLimits = {}): ParsedTrace {
  const maxChars = limits.maxChars ?? 32 * 1024 * 1024;
  const maxLineChars = limits.maxLineChars ?? 4 * 1024 * 1024;
  const maxLines = limits.maxLines ?? 100_000;
  const result: ParsedTrace = { ok: false, steps: [], stepLines: [], diagnostics: [] };
  const report = (
    code: DiagnosticCode,
    index: number,
    params: Record<string, unknown> = {},
    pointer = '',
  ) => {
    if (result.diagnostics.length < MAX_DIAGNOSTICS) {
      result.diagnostics.push(
        createDiagnostic(code, {
          path: `/lines/${index}${pointer}`,
          line: index + 1,
          params: { line: index + 1, ...params },
        }),
      );
    }
  };

  if (typeof text !== 'string') {
    result.diagnostics.push(
      createDiagnostic('TRACE_NOT_TEXT', { params: { actual: text === null ? 'null' : typeof text } }),
    );
    return result;
  }
  if (text.length > maxChars) {
    result.diagnostics.push(
      createDiagnostic('TRACE_TOO_LARGE', { params: { size: text.length, limit: maxChars } }),
    );
    return result;
  }
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.every((line) => line.trim() === '')) {
    result.diagnostics.push(createDiagnostic('TRACE_EMPTY'));
    return result;
  }

  let first = true;
  let nextStep = 1;
  for (let index = 0; index < lines.length; index++) {
    if (result.diagnostics.length >= MAX_DIAGNOSTICS) break;
    if (index >= maxLines) {
      report('TRACE_TOO_MANY_LINES', index, { limit: maxLines });
      break;
    }
    const raw = lines[index]!.replace(/\r$/, '');
    if (raw.trim() === '') continue;
    const isFirst = first;
    first = false;
    if (raw.length > maxLineChars) {
      report('TRACE_LINE_TOO_LONG', index, { size: raw.length, limit: maxLineChars });
      if (isFirst) report('TRACE_HEADER_MISSING', index);
      continue;
    }
    if (result.end) {
      report('TRACE_AFTER_END', index);
      break;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      report('TRACE_SYNTAX', index, {
        detail: String((error as Error)?.message ?? error).slice(0, MAX_DETAIL),
      });
      if (isFirst) report('TRACE_HEADER_MISSING', index);
      continue;
    }
    const sanitized = sanitizeValue(parsed);
    for (const d of sanitized.diagnostics.slice(0, 5)) {
      result.diagnostics.push({ ...d, path: `/lines/${index}${d.path}`, line: index + 1 });
    }
    const value = sanitized.value as Record<string, unknown> | undefined;
    const kind = typeof value === 'object' && value !== null ? value.kind : undefined;

    if (kind === 'header' && (value!.format !== TRACE_FORMAT || value!.version !== TRACE_VERSION)) {
      // Another format or a later version: its lines may mean something else, so stop here.
      report(
        'TRACE_FORMAT_UNKNOWN',
        index,
        { format: show(value!.format), version: show(value!.version), supported: TRACE_VERSION },
        '/version',
      );
      return result;
    }
    const problems = checkTraceLine(value);
    for (const problem of problems)
      report('TRACE_LINE_INVALID', index, { detail: problem.detail }, problem.pointer);
    if (isFirst && kind !== 'header') report('TRACE_HEADER_MISSING', index);
    if (problems.length > 0) continue;

    if (kind === 'header') {
      if (isFirst) result.header = value as unknown as TraceHeader;
      else report('TRACE_HEADER_DUPLICATE', index);
    } else if (kind === 'step') {
      const step = value as unknown as TraceStep;
      if (step.n !== nextStep)
        report('TRACE_STEP_ORDER', index, { expected: nextStep, actual: step.n }, '/n');
      nextStep = step.n + 1;
      result.steps.push(step);
      result.stepLines.push(index + 1);
    } else {
      const end = value as unknown as TraceEnd;
      result.end = end;
      if (end.steps !== result.steps.length) {
        report(
          'TRACE_TRUNCATED',
          index,
          {
            detail: localized(
              `结束行记录 ${end.steps} 步，实际读到 ${result.steps.length} 步`,
              `the end line counts ${end.steps} steps but ${result.steps.length} were read`,
            ),
          },
          '/steps',
        );
      }
    }
  }
  if (!result.end && result.header && result.diagnostics.length < MAX_DIAGNOSTICS) {
    result.diagnostics.push(
      createDiagnostic('TRACE_TRUNCATED', {
        path: `/lines/${lines.length}`,
        line: lines.length + 1,
        params: {
          detail: localized(
            '缺少结束行（文件可能被截断）',
            'the end line is missing (the file may have been cut short)',
          ),
        },
      }),
    );
  }
  result.ok = result.header !== undefined && !result.diagnostics.some((d) => d.severity === 'error');
  return result;
}

const localized = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

function show(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.slice(0, 60);
}
