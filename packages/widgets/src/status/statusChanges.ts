import type { Bundle, FlowState, Lang } from '@onething/engine/runtime';
import { ts } from '../i18n/statusMessages.js';
import { applicationStatusText } from './applicationStatusText.js';
import { itemName, orderedItemIds } from './bundleNames.js';
import { itemStatusText } from './itemStatusText.js';

/**
 * What changed between two snapshots, in words, for the live region: the application's status and
 * each item whose status text changed (so 容缺受理 → 审查中 after a supply is announced too).
 */
export function statusChanges(
  previous: FlowState,
  next: FlowState,
  bundle: Bundle | undefined,
  lang: Lang,
): string[] {
  const changes: string[] = [];
  if (previous.status !== next.status) {
    changes.push(
      ts(lang, 'labelValue', {
        label: ts(lang, 'statusApplication'),
        value: applicationStatusText(next.status, lang),
      }),
    );
  }
  for (const id of orderedItemIds(next, bundle)) {
    const item = next.items[id]!;
    const before = previous.items[id];
    const text = itemStatusText(item, lang);
    if (before && itemStatusText(before, lang) === text) continue;
    changes.push(ts(lang, 'labelValue', { label: itemName(bundle, id, lang), value: text }));
  }
  return changes;
}
