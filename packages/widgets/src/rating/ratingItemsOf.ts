import { localize, type Bundle, type FlowState, type Lang } from '@onething/engine/runtime';
import type { RatingItem } from './checkRating.js';

/**
 * The items of a bundle to rate, with their names in `lang`. Given the application's flow state,
 * items that did not apply to it (skipped) are left out.
 */
export function ratingItemsOf(bundle: Bundle, lang: Lang, state?: FlowState): RatingItem[] {
  return bundle.items
    .filter(
      (item) => !state || (state.items[item.id] !== undefined && state.items[item.id]!.status !== 'skipped'),
    )
    .map((item) => ({ id: item.id, name: localize(item.name, lang) }));
}
