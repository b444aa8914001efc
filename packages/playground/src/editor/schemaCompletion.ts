import type { CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { completionsAt } from './completionsAt.js';
import type { JsonSchema } from './schemaAt.js';

/** Documents longer than this (characters) get the fast reading while typing (see `pointerAt`). */
const FAST_ABOVE = 16_000;

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
    const text = context.state.doc.toString();
    // Asked for (Ctrl-Space) or in a small document: read it fully; while typing in a large one, fast.
    const fast = !context.explicit && text.length > FAST_ABOVE;
    const found = completionsAt(text, context.pos, format, schema, lang, { fast });
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
