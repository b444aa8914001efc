import {
  compileBundle,
  createFormState,
  loadBundle,
  type Bundle,
  type Diagnostic,
  type FormState,
  type Lang,
  type MaterialDecision,
  type MaterialDecisions,
  type OneTimeNotice,
  type PrecompiledValidators,
} from '@onething/engine';
import { h, render } from 'preact';
import { createControlRegistry, type ControlRegistry } from '../controls/createControlRegistry.js';
import { defaultControls } from '../controls/defaultControls.js';
import { FormView, type SubmitDetail } from '../form/FormView.js';
import { t } from '../i18n/messages.js';
import { formStyleSheet } from '../styles/formStyles.js';
import { langOf, mountShadow } from './mountShadow.js';
import { createDraftStore, type DraftStore } from './createDraftStore.js';

/** Events the element dispatches (bubbling, composed), with their `detail`. */
export interface OnethingFormEvents {
  'onething-change': { key: string; value: unknown };
  'onething-submit': SubmitDetail;
  'onething-invalid': { diagnostics: Diagnostic[] };
  'onething-error': { diagnostics: Diagnostic[]; message: string };
  'onething-ready': { bundleId: string };
  'onething-precheck': { notice: OneTimeNotice };
}

/** An instant in China Standard Time, `2025-03-20T09:30:00+08:00`, for signatures. */
function formatBeijing(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

let counter = 0;

/**
 * Define `<onething-form>` (once; later calls return the same class). Attributes: `bundle` (URL of a
 * YAML/JSON bundle), `validators` (URL of the module `onething compile` writes, needed under a strict
 * CSP), `lang` (`zh-CN` default, `en`), `elder` (elder-friendly mode: larger type, one step per screen), `mode`
 * (`sections` or `steps`, overriding the bundle's layout), `draft-key` (local draft
 * storage key; `no-draft` turns drafts off), `today` (YYYY-MM-DD, for tests). Properties: `bundle`
 * (object or text), `validators` (module object), `data` (initial values), `materials`, `registry`.
 *
 * @example
 * <script type="module" src="/packages/widgets/dist/embed.js"></script>
 * <onething-form bundle="/examples/newborn/bundle.yaml" validators="/examples/embed/newborn.validators.js"></onething-form>
 */
export function defineOnethingForm(registry = customElements): CustomElementConstructor {
  const existing = registry.get('onething-form');
  if (existing) return existing;

  class OnethingFormElement extends HTMLElement {
    static observedAttributes = ['bundle', 'validators', 'lang', 'elder', 'today', 'mode'];
    #mount: HTMLDivElement;
    #state: FormState | undefined;
    #bundleSource: Bundle | string | undefined;
    #validators: PrecompiledValidators | undefined;
    #data: Record<string, unknown> = {};
    #materials: MaterialDecisions = {};
    #registry: ControlRegistry = createControlRegistry(defaultControls);
    #draft: DraftStore | undefined;
    #loading = 0;
    #id = `ot${++counter}`;

    constructor() {
      super();
      this.#mount = mountShadow(this, 'form', [formStyleSheet()]);
    }

    /** The form's language from the `lang` attribute (HTML's own `lang`): `en`, else zh-CN. */
    get #lang(): Lang {
      return langOf(this);
    }
    get state(): FormState | undefined {
      return this.#state;
    }
    /**
     * The bundle: an object, its YAML/JSON text, or a URL. Frameworks (React 19, preact, Vue) set a
     * JSX attribute as this property, so a one-line string is taken as a URL, as the attribute is.
     */
    set bundle(value: Bundle | string | undefined) {
      if (typeof value === 'string' && !value.includes('\n')) {
        this.#bundleSource = undefined;
        if (this.getAttribute('bundle') !== value) this.setAttribute('bundle', value);
        else void this.#load();
        return;
      }
      this.#bundleSource = value;
      void this.#load();
    }
    /** The validators module `onething compile` writes, or its URL (as the attribute). */
    set validators(value: PrecompiledValidators | string | undefined) {
      if (typeof value === 'string') {
        this.#validators = undefined;
        if (this.getAttribute('validators') !== value) this.setAttribute('validators', value);
        else void this.#load();
        return;
      }
      this.#validators = value;
      void this.#load();
    }
    set data(value: Record<string, unknown>) {
      this.#data = { ...value };
      if (this.#state) this.#state.setValues(value);
    }
    get data(): Record<string, unknown> {
      return this.#state?.getValues() ?? { ...this.#data };
    }
    set materials(value: MaterialDecisions) {
      this.#materials = { ...value };
      for (const [id, decision] of Object.entries(value)) this.#state?.setMaterial(id, decision);
      this.#render();
    }
    get materials(): MaterialDecisions {
      return { ...this.#materials };
    }
    set registry(value: ControlRegistry) {
      this.#registry = value;
      this.#render();
    }

    connectedCallback() {
      void this.#load();
    }
    disconnectedCallback() {
      render(null, this.#mount);
    }
    attributeChangedCallback(name: string, previous: string | null, next: string | null) {
      if (previous === next || !this.isConnected) return;
      if (name === 'lang') {
        this.#state?.setLang(this.#lang);
        this.#render();
      } else if (name === 'mode' || name === 'elder') this.#render();
      else void this.#load();
    }

    #emit<K extends keyof OnethingFormEvents>(type: K, detail: OnethingFormEvents[K]) {
      this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
    }

    #fail(message: string, diagnostics: Diagnostic[] = []) {
      this.#state = undefined;
      render(
        h('div', { class: 'ot-load-error', role: 'alert' }, [
          h('p', null, t(this.#lang, 'loadFailed', { reason: message })),
          diagnostics.length > 0
            ? h(
                'ul',
                null,
                diagnostics
                  .slice(0, 20)
                  .map((d, i) =>
                    h(
                      'li',
                      { key: i },
                      `${d.line !== undefined ? `${d.line}:${d.column ?? 1} ` : ''}${d.messages[this.#lang]}`,
                    ),
                  ),
              )
            : null,
        ]),
        this.#mount,
      );
      this.#emit('onething-error', { diagnostics, message });
    }

    async #load() {
      const ticket = ++this.#loading;
      const lang = this.#lang;
      render(h('p', { class: 'ot-loading', 'aria-live': 'polite' }, t(lang, 'loading')), this.#mount);
      try {
        const source = this.#bundleSource ?? (await this.#fetchText(this.getAttribute('bundle')));
        if (source === undefined) return;
        const validatorsUrl = this.getAttribute('validators');
        const validators =
          this.#validators ??
          (validatorsUrl
            ? ((await import(
                /* @vite-ignore */ new URL(validatorsUrl, document.baseURI).href
              )) as PrecompiledValidators)
            : undefined);
        if (ticket !== this.#loading) return;
        const loaded = loadBundle(source as string | Record<string, unknown>, { lang });
        if (!loaded.ok)
          return this.#fail(
            loaded.diagnostics.filter((d) => d.severity === 'error').length + ' error(s)',
            loaded.diagnostics.filter((d) => d.severity === 'error'),
          );
        const compiled = compileBundle(loaded, validators ? { validators } : {});
        const draftKey = this.getAttribute('draft-key');
        this.#draft = this.hasAttribute('no-draft')
          ? undefined
          : createDraftStore(compiled.bundle.id, draftKey ?? 'default');
        const saved = this.#draft?.load();
        const today = this.getAttribute('today');
        const state = createFormState(compiled, {
          initialValues: { ...this.#data, ...saved?.values },
          materials: { ...this.#materials, ...saved?.materials },
          lang,
          ...(today ? { today: () => today } : {}),
        });
        this.#materials = { ...this.#materials, ...saved?.materials };
        state.subscribe((changed) => {
          this.#draft?.save(state.getValues(), this.#materials);
          for (const key of changed) this.#emit('onething-change', { key, value: state.getValue(key) });
        });
        this.#state = state;
        this.#render();
        this.#emit('onething-ready', { bundleId: compiled.bundle.id });
      } catch (error) {
        if (ticket === this.#loading) this.#fail(error instanceof Error ? error.message : String(error));
      }
    }

    async #fetchText(url: string | null): Promise<string | undefined> {
      if (!url) return undefined;
      const response = await fetch(new URL(url, document.baseURI));
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.text();
    }

    #render() {
      const state = this.#state;
      if (!state) return;
      render(
        h(FormView, {
          state,
          registry: this.#registry,
          lang: this.#lang,
          idPrefix: this.#id,
          // Elder mode (适老化) shows one step per screen.
          ...(this.hasAttribute('elder')
            ? { mode: 'steps' as const }
            : this.getAttribute('mode') === 'sections' || this.getAttribute('mode') === 'steps'
              ? { mode: this.getAttribute('mode') as 'sections' | 'steps' }
              : {}),
          materials: () => ({ ...this.#materials }),
          now: () => {
            const today = this.getAttribute('today');
            return today ? `${today}T09:00:00+08:00` : formatBeijing(new Date());
          },
          onMaterialChange: (id: string, decision: MaterialDecision | undefined) => {
            if (decision) this.#materials = { ...this.#materials, [id]: decision };
            else {
              const { [id]: _removed, ...rest } = this.#materials;
              this.#materials = rest;
            }
            this.#draft?.save(state.getValues(), this.#materials);
            this.#emit('onething-change', { key: `materials/${id}`, value: decision });
            this.#render();
          },
          onPrecheck: (notice: OneTimeNotice) => this.#emit('onething-precheck', { notice }),
          onSubmit: (detail: SubmitDetail) => {
            this.#draft?.clear();
            this.#emit('onething-submit', detail);
          },
          onInvalid: (diagnostics: Diagnostic[]) => this.#emit('onething-invalid', { diagnostics }),
        }),
        this.#mount,
      );
    }
  }

  registry.define('onething-form', OnethingFormElement);
  return OnethingFormElement;
}
