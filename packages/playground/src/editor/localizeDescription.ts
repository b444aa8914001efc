const CJK = /[\u3400-\u9fff]/u;
const LATIN_START = /^[A-Za-z`"(]/;

/**
 * One language of a bundle-schema description. Descriptions are written `中文 / English`; the Chinese
 * part may itself contain ` / ` (“设定 / 实施依据”), so the split is at the first ` / ` that follows some
 * Chinese text and is followed by Latin text. Without such a split the whole text serves both languages.
 *
 * @example
 * localizeDescription('事项名称 / Name of the service item', 'en'); // 'Name of the service item'
 */
export function localizeDescription(text: string, lang: 'zh-CN' | 'en'): string {
  for (let at = text.indexOf(' / '); at >= 0; at = text.indexOf(' / ', at + 1)) {
    if (CJK.test(text.slice(0, at)) && LATIN_START.test(text.slice(at + 3))) {
      return lang === 'zh-CN' ? text.slice(0, at).trim() : text.slice(at + 3).trim();
    }
  }
  return text;
}
