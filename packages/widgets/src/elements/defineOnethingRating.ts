import { localize, type Bundle, type FlowState, type Lang } from '@onething/engine/runtime';
import { t } from '../i18n/messages.js';
import type { RatingDetail, RatingItem } from '../rating/checkRating.js';
import { ratingItemsOf } from '../rating/ratingItemsOf.js';
import type { BundleInput } from './bundleSource.js';
import { elementBundle } from '../status/fetchBundle.js';
import { langOf, mountShadow } from './mountShadow.js';
import { formStyleSheet } from '../styles/formStyles.js';
import { showMessage, splitMount, viewsFor, type StatusViews } from './lazyViews.js';

/** Events `<onething-rating>` dispatches (bubbling, composed), with their `detail`. */
export interface OnethingRatingEvents {
  'onething-rate': RatingDetail;
  /** The bundle could not be loaded. */
  'onething-rating-error': { message: string };
}

let counter = 0;

/**
 * Define `<onething-rating>` (once; later calls return the same class): 好差评 with the five national
 * levels for the bundle as a whole and per item. Attributes: `bundle` (URL of a YAML/JSON bundle),
 * `lang` (`zh-CN` default, `en`), `require-items` (every item must be rated). Properties: `items`
 * (`Array<{ id, name }>`, else derived from the bundle), `bundle` (object or text), `state` (a
 * FlowState: items it skipped are not offered).
 *
 * @example
 * <onething-rating bundle="/bundles/newborn.yaml"></onething-rating>
 * <script type="module">
 *   document.querySelector('onething-rating').addEventListener('onething-rate', (e) => send(e.detail));
 * </script>
 */
export function defineOnethingRating(registry = customElements): CustomElementConstructor {
  const existing = registry.get('onething-rating');
  if (existing) return existing;

  class OnethingRatingElement extends HTMLElement {
    static observedAttributes = ['bundle', 'lang', 'require-items'];
    #line: HTMLParagraphElement;
    #view: HTMLDivElement;
    #views: StatusViews | undefined;
    #items: RatingItem[] | undefined;
    #bundle: Bundle | undefined;
    #bundleSource: BundleInput | undefined;
    #state: FlowState | undefined;
    #error: string | undefined;
    #loading = 0;
    #id = `otr${++counter}`;

    constructor() {
      super();
      ({ line: this.#line, view: this.#view } = splitMount(mountShadow(this, 'rating', [formStyleSheet()])));
    }

    get #lang(): Lang {
      return langOf(this);
    }
    set items(value: RatingItem[]) {
      this.#items = value.map(({ id, name }) => ({ id: String(id), name: String(name) }));
      this.#render();
    }
    get items(): RatingItem[] {
      return this.#targets();
    }
    set bundle(value: BundleInput) {
      this.#bundleSource = value;
      void this.#load();
    }
    set state(value: FlowState | undefined) {
      this.#state = value;
      this.#render();
    }

    connectedCallback() {
      void this.#load();
    }
    disconnectedCallback() {
      this.#views?.renderRating(this.#view, null);
    }
    attributeChangedCallback(name: string, previous: string | null, next: string | null) {
      if (previous === next || !this.isConnected) return;
      if (name === 'bundle') void this.#load();
      else this.#render();
    }

    async #load() {
      const ticket = ++this.#loading;
      try {
        const bundle = await elementBundle(this.#bundleSource, this.getAttribute('bundle'), this.#lang);
        if (ticket !== this.#loading) return;
        this.#bundle = bundle;
        this.#error = undefined;
        this.#render();
      } catch (error) {
        if (ticket !== this.#loading) return;
        this.#error = error instanceof Error ? error.message : String(error);
        this.#render();
        this.dispatchEvent(
          new CustomEvent('onething-rating-error', {
            detail: { message: this.#error },
            bubbles: true,
            composed: true,
          }),
        );
      }
    }

    #targets(): RatingItem[] {
      return this.#items ?? (this.#bundle ? ratingItemsOf(this.#bundle, this.#lang, this.#state) : []);
    }

    /** Load the views (once per page), adopt their stylesheet, then render. */
    async #loadViews() {
      try {
        this.#views = await viewsFor(this.shadowRoot!);
        this.#render();
      } catch (error) {
        this.#error = error instanceof Error ? error.message : String(error);
        this.#render();
      }
    }

    #render() {
      const lang = this.#lang;
      if (this.#error) {
        this.#views?.renderRating(this.#view, null);
        showMessage(this.#line, t(lang, 'loadFailed', { reason: this.#error }), true);
        return;
      }
      if (!this.#views) {
        showMessage(this.#line, t(lang, 'loading'));
        void this.#loadViews();
        return;
      }
      showMessage(this.#line, undefined);
      this.#views.renderRating(this.#view, {
        title: this.#bundle ? localize(this.#bundle.title, lang) : undefined,
        items: this.#targets(),
        lang,
        idPrefix: this.#id,
        requireItems: this.hasAttribute('require-items'),
        onRate: (detail: RatingDetail) =>
          this.dispatchEvent(new CustomEvent('onething-rate', { detail, bubbles: true, composed: true })),
      });
    }
  }

  registry.define('onething-rating', OnethingRatingElement);
  return OnethingRatingElement;
}
