import type { NoticeEntry } from '@onething/engine/runtime';
import { materialCardId } from '../materials/materialCardId.js';

/** The DOM id a notice entry jumps to: the field's control, or the material's card. */
export function noticeTargetId(idPrefix: string, entry: Pick<NoticeEntry, 'kind' | 'key'>): string {
  return entry.kind === 'material' ? materialCardId(idPrefix, entry.key) : `${idPrefix}-${entry.key}`;
}
