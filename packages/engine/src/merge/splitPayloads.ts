import type { Bundle } from '../bundle/types.js';
import type { MergedForm } from '../compile/types.js';
import { createPayloadBuilder } from './createPayloadBuilder.js';
import { isPlainObject, ownValue, setOwn } from './isPlainObject.js';

export { joinPayload } from './joinPayload.js';

/** Which payloads `splitPayloads` builds and which fields it sends. */
export interface SplitOptions {
  /** Ids of the items to build payloads for (default: every item), e.g. only the applicable ones. */
  items?: string[];
  /** Fields for which this returns false are hidden and never sent. */
  isVisible?: (key: string) => boolean;
}

/**
 * Split merged (canonical) data into one payload per item, in each department's own field names
 * and values (`values` maps applied, array-of-object sub-fields renamed through `items`). Hidden
 * and empty fields are left out, so each payload carries only what that department asked for.
 *
 * @example
 * splitPayloads(bundle, form, { babyName: '王小明', babyGender: '1' }, { items: ['birthReg'] });
 * // → { birthReg: { xm: '王小明', xb: 'M' } }
 */
export function splitPayloads(
  bundle: Bundle,
  form: MergedForm,
  data: Record<string, unknown>,
  options: SplitOptions = {},
): Record<string, Record<string, unknown>> {
  const wanted = options.items ? new Set(options.items) : undefined;
  const payloads: Record<string, Record<string, unknown>> = {};
  const read = (key: string) => ownValue(data, key);
  for (const item of Array.isArray(bundle.items) ? bundle.items : []) {
    if (!isPlainObject(item) || (wanted && !wanted.has(item.id))) continue;
    setOwn(payloads, String(item.id), createPayloadBuilder(form, item)(read, options.isVisible));
  }
  return payloads;
}
