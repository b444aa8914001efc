import type { CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { completionsAt } from './completionsAt.js';
import type { JsonSchema } from './schemaAt.js';

const TYPES = { property: 'property', value: 'enum', reference: 'variable' } as const;

/**
 * A CodeMirror completion source over `completionsAt`. `settings()` is read on each request, so the
 * editor can switch format or language without rebuilding its extensions.
 */
export function schemaCompletion(
  schema: JsonSchema,
  settings: () => { format: 'yaml' | 'json'; lang: 'zh-CN' | 'en' },
): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const { format, lang } = settings();
    if (!context.explicit && !context.matchBefore(/[\w$-]/)) return null;
    const found = completionsAt(context.state.doc.toString(), context.pos, format, schema, lang);
    if (!found) return null;
    return {
      from: found.from,
      to: Math.max(found.to, context.pos),
      options: found.options.map((o) => ({
        label: o.label,
        apply: o.apply,
        type: TYPES[o.kind],
        ...(o.detail ? { detail: o.detail } : {}),
        ...(o.info ? { info: o.info } : {}),
      })),
      validFor: /^[\w$-]*$/,
    };
  };
}
