import {
  createFormState,
  hydrateBundle,
  OnethingError,
  type CompiledBundle,
  type Diagnostic,
  type FormState,
  type Lang,
  type MaterialDecision,
  type MaterialDecisions,
  type OneTimeNotice,
  type PrecompiledValidators,
} from '@onething/engine/runtime';
import { h, render } from 'preact';
import { createControlRegistry, type ControlRegistry } from '../controls/createControlRegistry.js';
import { defaultControls } from '../controls/defaultControls.js';
import { FormView, type SubmitDetail } from '../form/FormView.js';
import { t } from '../i18n/messages.js';
import { formStyleSheet } from '../styles/formStyles.js';
import { langOf, mountShadow } from './mountShadow.js';
import { createDraftStore, type DraftStore } from './createDraftStore.js';
import {
  fetchText,
  importModule,
  isBundleModule,
  isCompiledBundle,
  isModuleUrl,
  loadAuthoring,
  type BundleInput,
} from './bundleSource.js';

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
 * Define `<onething-form>` (once; later calls return the same class). Attributes: `bundle` (URL of
 * the module `onething compile` writes — `bundle.js`, precompiled and ready under a strict CSP — or
 * of YAML/JSON bundle source, which loads the engine's authoring half, `embed-authoring.js`, on
 * demand), `validators` (for source bundles under a strict CSP: URL of the compiled module whose
 * validators to use), `lang` (`zh-CN` default, `en`), `elder` (elder-friendly mode: larger type, one step per screen), `mode`
 * (`sections` or `steps`, overriding the bundle's layout), `draft-key` (local draft
 * storage key; `no-draft` turns drafts off), `today` (YYYY-MM-DD, for tests). Properties: `bundle`
 * (compiled module, a `CompiledBundle` made in the page, object or text), `validators` (module object), `data` (initial values), `materials`, `registry`.
 *
 * @example
 * <script type="module" src="/packages/widgets/dist/embed.js"></script>
 * <onething-form bundle="/examples/embed/newborn.bundle.js"></onething-form>
 */
export function defineOnethingForm(registry = customElements): CustomElementConstructor {
  const existing = registry.get('onething-form');
  if (existing) return existing;

  class OnethingFormElement extends HTMLElement {
    static observedAttributes = ['bundle', 'validators', 'lang', 'elder', 'today', 'mode'];
    #mount: HTMLDivElement;
    #state: FormState | undefined;
    #bundleSource: BundleInput | undefined;
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
     * The bundle: the compiled module (`import * as m from './bundle.js'`), a `CompiledBundle` made in
     * the page (used as is: an authoring tool that compiles with its own validators), a bundle object, its
     * YAML/JSON text, or a URL. Frameworks (React 19, preact, Vue) set a JSX attribute as this
     * property, so a one-line string is taken as a URL, as the attribute is.
     */
    set bundle(value: BundleInput | undefined) {
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
      // A form already on screen stays until its successor is ready (a bundle edited live re-renders in
      // place, keeping the DOM preact can reuse, instead of flashing a loading line).
      if (!this.#state)
        render(h('p', { class: 'ot-loading', 'aria-live': 'polite' }, t(lang, 'loading')), this.#mount);
      try {
        const compiled = await this.#compile(lang);
        if (ticket !== this.#loading || compiled === undefined) return;
        if ('diagnostics' in compiled)
          return this.#fail(`${compiled.diagnostics.length} error(s)`, compiled.diagnostics);
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
        if (ticket !== this.#loading) return;
        if (error instanceof OnethingError) this.#fail(error.message, error.diagnostics);
        else this.#fail(error instanceof Error ? error.message : String(error));
      }
    }

    /**
     * The compiled bundle from whatever `bundle` is: a compiled module is hydrated (no compiler
     * needed); source text or a bundle object goes through the authoring half, loaded on demand.
     */
    async #compile(lang: Lang): Promise<CompiledBundle | { diagnostics: Diagnostic[] } | undefined> {
      const url = this.getAttribute('bundle');
      let source: BundleInput | undefined = this.#bundleSource;
      if (source === undefined && url)
        source = isModuleUrl(url) ? ((await importModule(url)) as BundleInput) : await fetchText(url);
      if (source === undefined) return undefined;
      if (isCompiledBundle(source)) return source;
      if (isBundleModule(source)) return hydrateBundle(source);
      const validatorsUrl = this.getAttribute('validators');
      const validators =
        this.#validators ??
        (validatorsUrl ? ((await importModule(validatorsUrl)) as PrecompiledValidators) : undefined);
      const { compileSource } = await loadAuthoring();
      const result = compileSource(source as string | Record<string, unknown>, {
        lang,
        ...(validators ? { validators } : {}),
      });
      return result.ok ? result.compiled : { diagnostics: result.diagnostics };
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
