import { hoverTooltip } from '@codemirror/view';
import type { Extension } from '@codemirror/state';
import { EDITOR_MESSAGES } from './editorMessages.js';
import { hoverAt } from './hoverAt.js';
import type { JsonSchema } from './schemaAt.js';

function element(tag: string, className: string, text: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = className;
  el.textContent = text;
  return el;
}

/** Hover help on keys: the schema description in the editor's language and the value type. */
export function schemaHover(
  schema: JsonSchema,
  settings: () => { format: 'yaml' | 'json'; lang: 'zh-CN' | 'en' },
): Extension {
  return hoverTooltip((view, pos) => {
    const { format, lang } = settings();
    const info = hoverAt(view.state.doc.toString(), pos, format, schema, lang);
    if (!info) return null;
    return {
      pos: info.from,
      end: info.to,
      above: true,
      create() {
        const dom = element('div', 'ot-hover', '');
        const head = element('div', 'ot-hover-head', '');
        head.append(element('code', 'ot-hover-key', info.key));
        if (info.type)
          head.append(element('span', 'ot-hover-type', `${EDITOR_MESSAGES[lang].type}: ${info.type}`));
        dom.append(head);
        if (info.description) dom.append(element('p', 'ot-hover-description', info.description));
        return { dom };
      },
    };
  });
}
