import type { Diagnostic, Lang, Severity } from './types.js';

/** A table of diagnostic templates: code → severity and zh-CN/en text. */
export type DiagnosticTable = Readonly<
  Record<string, { readonly severity: Severity; readonly 'zh-CN': string; readonly en: string }>
>;

const MAX_PARAM_LENGTH = 200;

/** A `{ 'zh-CN', en? }` text: as a param, each language's message uses its own rendering. */
function isLocalizedText(value: unknown): value is { 'zh-CN': string; en?: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { 'zh-CN'?: unknown })['zh-CN'] === 'string'
  );
}

function renderParam(value: unknown, lang: Lang): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (isLocalizedText(value)) text = (lang === 'en' ? value.en : undefined) ?? value['zh-CN'];
  else if (Array.isArray(value))
    text = value.map((v) => renderParam(v, lang)).join(lang === 'en' ? ', ' : '、');
  else if (value === undefined) text = '';
  else {
    try {
      text =
        JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ??
        String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_PARAM_LENGTH ? `${text.slice(0, MAX_PARAM_LENGTH)}…` : text;
}

/** Render one template in one language from params (`{name}` placeholders). */
export function renderTemplate(template: string, lang: Lang, params: Record<string, unknown>): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? renderParam(params[name], lang) : `{${name}}`,
  );
}

export interface DiagnosticInit {
  path?: string;
  params?: Record<string, unknown>;
  severity?: Severity;
  lang?: Lang;
  line?: number;
  column?: number;
  related?: Diagnostic['related'];
}

/** Build a diagnostic from a code of `table`; messages in both languages are rendered from params. */
export function diagnosticFrom(table: DiagnosticTable, code: string, init: DiagnosticInit = {}): Diagnostic {
  const params = init.params ?? {};
  const entry = table[code]!;
  const zh = renderTemplate(entry['zh-CN'], 'zh-CN', params);
  const en = renderTemplate(entry.en, 'en', params);
  const diagnostic: Diagnostic = {
    code: code as Diagnostic['code'],
    severity: init.severity ?? entry.severity,
    path: init.path ?? '',
    message: (init.lang ?? 'zh-CN') === 'en' ? en : zh,
    messages: { 'zh-CN': zh, en },
    params,
  };
  if (init.line !== undefined) diagnostic.line = init.line;
  if (init.column !== undefined) diagnostic.column = init.column;
  if (init.related) diagnostic.related = init.related;
  return diagnostic;
}
