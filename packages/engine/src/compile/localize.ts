import type { LocalizedText } from '../bundle/types.js';
import type { Lang } from '../diagnostics/types.js';

/** Pick a language from a LocalizedText, falling back to zh-CN. */
export function localize(text: LocalizedText | undefined, lang: Lang = 'zh-CN'): string {
  if (!text) return '';
  return (lang === 'en' ? text.en : undefined) ?? text['zh-CN'];
}
