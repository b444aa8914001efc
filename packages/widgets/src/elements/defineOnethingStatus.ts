import type { Bundle, FlowState, Lang } from '@onething/engine/runtime';
import { t } from '../i18n/messages.js';
import { chinaToday } from '../status/chinaToday.js';
import type { StatusPoller } from '../status/createStatusPoller.js';
import type { BundleInput } from './bundleSource.js';
import { elementBundle } from '../status/fetchBundle.js';
import { langOf, mountShadow } from './mountShadow.js';
import { formStyleSheet } from '../styles/formStyles.js';
import { loadStatusViews, showMessage, splitMount, viewsFor, type StatusViews } from './lazyViews.js';

/** Events `<onething-status>` dispatches (bubbling, composed), with their `detail`. */
export interface OnethingStatusEvents {
  /** The bundle or a snapshot could not be loaded; the last good snapshot stays on screen. */
  'onething-status-error': { message: string };
}

const DEFAULT_POLL_SECONDS = 30;
let counter = 0;

/**
 * Define `<onething-status>` (once; later calls return the same class): an application's progress.
 * Attributes: `bundle` (URL of a YAML/JSON bundle, for names), `src` (URL answering with a FlowState
 * snapshot as JSON, polled every `poll-interval` seconds, default 30, while the element is in the
 * page), `lang` (`zh-CN` default, `en`), `today` (YYYY-MM-DD; default: today in China time).
 * Properties: `state` (a FlowState snapshot), `bundle` (object or text).
 *
 * @example
 * <onething-status bundle="/bundles/newborn.yaml" src="/api/applications/42/state"></onething-status>
 */
export function defineOnethingStatus(registry = customElements): CustomElementConstructor {
  const existing = registry.get('onething-status');
  if (existing) return existing;

  class OnethingStatusElement extends HTMLElement {
    static observedAttributes = ['bundle', 'src', 'poll-interval', 'lang', 'today'];
    #line: HTMLParagraphElement;
    #view: HTMLDivElement;
    #views: StatusViews | undefined;
    #state: FlowState | undefined;
    #bundle: Bundle | undefined;
    #bundleSource: BundleInput | undefined;
    #error: string | undefined;
    #poller: StatusPoller | undefined;
    #loading = 0;
    #polling = 0;
    #id = `ots${++counter}`;

    constructor() {
      super();
      ({ line: this.#line, view: this.#view } = splitMount(mountShadow(this, 'status', [formStyleSheet()])));
    }

    get #lang(): Lang {
      return langOf(this);
    }
    get state(): FlowState | undefined {
      return this.#state;
    }
    set state(value: FlowState | undefined) {
      this.#state = value;
      this.#error = undefined;
      this.#render();
    }
    set bundle(value: BundleInput) {
      this.#bundleSource = value;
      void this.#loadBundle();
    }
    get bundle(): Bundle | undefined {
      return this.#bundle;
    }

    connectedCallback() {
      void this.#loadBundle();
      this.#startPolling();
    }
    disconnectedCallback() {
      this.#polling++;
      this.#poller?.stop();
      this.#poller = undefined;
      this.#views?.renderStatus(this.#view, null);
    }
    attributeChangedCallback(name: string, previous: string | null, next: string | null) {
      if (previous === next || !this.isConnected) return;
      if (name === 'bundle') void this.#loadBundle();
      else if (name === 'src' || name === 'poll-interval') this.#startPolling();
      else this.#render();
    }

    #emit<K extends keyof OnethingStatusEvents>(type: K, detail: OnethingStatusEvents[K]) {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }

    #fail(message: string) {
      this.#error = message;
      this.#render();
      this.#emit('onething-status-error', { message });
    }

    async #loadBundle() {
      const ticket = ++this.#loading;
      try {
        const bundle = await elementBundle(this.#bundleSource, this.getAttribute('bundle'), this.#lang);
        if (ticket !== this.#loading) return;
        this.#bundle = bundle;
        this.#render();
      } catch (error) {
        if (ticket === this.#loading) this.#fail(error instanceof Error ? error.message : String(error));
      }
    }

    #startPolling() {
      this.#poller?.stop();
      this.#poller = undefined;
      const ticket = ++this.#polling;
      const src = this.getAttribute('src');
      if (!src || !this.isConnected) return;
      const seconds = Number(this.getAttribute('poll-interval') ?? DEFAULT_POLL_SECONDS);
      // The poller comes with the views: a status element always shows them once a snapshot arrives.
      loadStatusViews().then(
        (views) => {
          if (ticket !== this.#polling) return;
          this.#poller = views.createStatusPoller({
            url: new URL(src, document.baseURI).href,
            intervalMs: (Number.isFinite(seconds) && seconds >= 1 ? seconds : DEFAULT_POLL_SECONDS) * 1000,
            fetch: (url, init) => fetch(url, init),
            setTimeout: (callback, ms) => window.setTimeout(callback, ms),
            clearTimeout: (handle) => window.clearTimeout(handle as number),
            onSnapshot: (state) => {
              this.state = state;
            },
            onError: (message) => this.#fail(message),
          });
          this.#poller.start();
        },
        (error: unknown) => this.#fail(error instanceof Error ? error.message : String(error)),
      );
    }

    /** Load the views (once per page), adopt their stylesheet, then render. */
    async #loadViews() {
      try {
        this.#views = await viewsFor(this.shadowRoot!);
        this.#render();
      } catch (error) {
        this.#fail(error instanceof Error ? error.message : String(error));
      }
    }

    #render() {
      const lang = this.#lang;
      const state = this.#state;
      if (!state || !this.#views) {
        if (state && !this.#error) void this.#loadViews();
        showMessage(
          this.#line,
          this.#error ? t(lang, 'statusLoadFailed', { reason: this.#error }) : t(lang, 'loading'),
          this.#error !== undefined,
        );
        return;
      }
      showMessage(this.#line, undefined);
      this.#views.renderStatus(this.#view, {
        state,
        bundle: this.#bundle,
        lang,
        // Display only: without a `today` attribute the countdown is counted from the browser's clock.
        today: this.getAttribute('today') ?? chinaToday(new Date()),
        baseUrl: document.baseURI,
        error: this.#error,
        idPrefix: this.#id,
      });
    }
  }

  registry.define('onething-status', OnethingStatusElement);
  return OnethingStatusElement;
}
