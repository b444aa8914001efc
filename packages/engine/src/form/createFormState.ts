import type { CompiledBundle } from '../compile/compileBundle.js';
import type { CompiledRule, MergedField } from '../compile/types.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import { createDataDiagnostic } from '../diagnostics/createDataDiagnostic.js';
import { toCelValue } from '../rules/toCelValue.js';
import { isEmpty } from './isEmpty.js';
import { buildNotice } from './buildNotice.js';
import { materialStates } from './materialStates.js';
import type { FieldState, MaterialDecisions, MaterialState } from './types.js';
import { splitPayloads } from '../merge/splitPayloads.js';
import { formTables } from './formTables.js';
import { ValueStore } from './ValueStore.js';
import { createItemErrors } from './createItemErrors.js';
import { fromPointer } from '../diagnostics/jsonPointer.js';

import type { FieldListener, FormListener, FormState, FormStateOptions } from './FormState.js';

const MAX_EVALUATIONS_PER_CHANGE = 100_000;

function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Create the headless form state of a compiled bundle. Changing one field re-evaluates only the
 * rules that read it (and, transitively, computed fields and visibility that depend on it).
 *
 * @example
 * const state = createFormState(compiled, { today: () => '2026-11-27' });
 * state.setValue('motherIdNumber', '110105199001011229');
 * state.getField('motherBirthDate').value; // '1990-01-01' (computed)
 */
export function createFormState(compiled: CompiledBundle, options: FormStateOptions = {}): FormState {
  const { form, index, rules, bundle } = compiled;
  const has = (key: string) => fieldMap.has(key);
  const today = options.today ?? utcToday;
  let lang: Lang = options.lang ?? 'zh-CN';

  const initial = options.initialValues ?? {};
  const values = new ValueStore(initial, form.order);
  const context: Record<string, unknown> = Object.create(null);
  const touched = new Set<string>();
  let allTouched = false; // after validate(): every field counts as touched
  const userSet = new Set<string>();
  const ownVisible = new Map<string, boolean>(); // visibleIf results
  const requiredIf = new Map<string, boolean>();
  const applicable = new Map<string, boolean>();
  const sectionVisible = new Map<string, boolean>();
  const materialRequired = new Map<string, boolean>();
  const ruleErrors = new Map<string, Diagnostic>(); // validation rule id → error
  const constraintErrors = new Map<string, Diagnostic[]>();
  const decisions: MaterialDecisions = { ...(options.materials ?? {}) };
  // The materials change only with applicability, materialRequired rules and decisions: computed once
  // for a check's notice and its result, and again only after one of those changed.
  let materialCache: MaterialState[] | undefined;
  const formListeners = new Set<FormListener>();
  const fieldListeners = new Map<string, Set<FieldListener>>();

  const {
    fieldMap,
    sectionOf,
    fieldsOfSection,
    sourceRules,
    validationTargets,
    validationsOf,
    readKeys,
    alwaysVisible,
    editableComputed,
    requirable,
    defaults,
  } = formTables(compiled);

  // ---- decisions ---------------------------------------------------------------------------
  const itemApplicable = (id: string) => applicable.get(id) ?? true;
  const isRelevant = (field: MergedField) =>
    field.sources.length === 0 || field.sources.some((s) => itemApplicable(s.item));
  // Visibility is read far more often than it changes: cache it, invalidated by the rules that change it.
  const visibleCache = new Map<string, boolean>();
  const isVisible = (key: string): boolean => {
    if (alwaysVisible.has(key)) return true;
    let visible = visibleCache.get(key);
    if (visible === undefined) visibleCache.set(key, (visible = computeVisible(key)));
    return visible;
  };
  const computeVisible = (key: string): boolean => {
    const field = fieldMap.get(key);
    if (!field || field.outputOf) return false;
    const section = sectionOf.get(key);
    if (section !== undefined && !(sectionVisible.get(section) ?? true)) return false;
    return (ownVisible.get(key) ?? true) && isRelevant(field);
  };
  /** Departments of the applicable items a field feeds ("将提供给：公安、医保"). */
  const departmentsOf = (field: MergedField): string[] => [
    ...new Set(field.sources.filter((s) => itemApplicable(s.item)).map((s) => s.department)),
  ];
  const isReadOnly = (field: MergedField) =>
    !!field.outputOf ||
    !!field.definition.readOnly ||
    (!!field.definition.computed && !field.definition.editable);
  const isRequired = (key: string): boolean => {
    const field = fieldMap.get(key);
    // Read-only fields (outputs, computed values) are never asked of the applicant: when a computed
    // value is missing, the error belongs on the field it is computed from.
    if (!field || !isVisible(key) || isReadOnly(field)) return false;
    if (requiredIf.get(key) === true) return true;
    return field.requiredBy.some(itemApplicable);
  };

  // ---- evaluation --------------------------------------------------------------------------
  // Rules to (re-)evaluate: a FIFO queue plus a set so a rule is queued at most once at a time.
  const queue: string[] = [];
  const queued = new Set<string>();
  const pendingRules = {
    add(id: string) {
      if (queued.has(id)) return;
      queued.add(id);
      queue.push(id);
    },
  };
  const changedFields = new Set<string>();
  const constraintDirty = new Set<string>();

  const refreshContext = (key: string) => {
    const field = fieldMap.get(key);
    if (!field) return;
    if (!readKeys.has(key)) {
      // No rule reads it, but a cross-field rule may show its error here: re-check those.
      for (const id of validationsOf.get(key) ?? []) pendingRules.add(id);
      return;
    }
    const raw = values.get(key);
    const next = isVisible(key) || field.outputOf ? toCelValue(raw, field.definition) : undefined;
    const prev = context[key];
    if (prev === next) return; // lists and maps are new objects each time: treated as changed
    if (next === undefined) delete context[key];
    else context[key] = next;
    for (const id of rules.readersOf[key] ?? []) pendingRules.add(id);
    for (const id of validationsOf.get(key) ?? []) pendingRules.add(id);
  };
  const fieldChanged = (key: string) => {
    changedFields.add(key);
    constraintDirty.add(key);
    refreshContext(key);
  };
  const visibilityMayChange = (keys: Iterable<string>) => {
    for (const key of keys) fieldChanged(key);
  };

  const runRule = (rule: CompiledRule) => {
    const result = rule.evaluate(context);
    const bool = result.ok && result.value === true;
    switch (rule.kind) {
      case 'computed': {
        const field = fieldMap.get(rule.target);
        if (!field) return;
        if (field.definition.editable && userSet.has(rule.target)) return;
        // An empty result ('' from idBirthDate of an invalid ID) means "no value", not an invalid one.
        const next = result.ok && !isEmpty(result.value) ? fromCel(result.value) : undefined;
        if (next !== values.get(rule.target)) {
          if (next === undefined) values.delete(rule.target);
          else values.set(rule.target, next);
          fieldChanged(rule.target);
        }
        return;
      }
      case 'visible':
        if ((ownVisible.get(rule.target) ?? true) !== bool) {
          ownVisible.set(rule.target, bool);
          visibleCache.delete(rule.target);
          fieldChanged(rule.target);
        }
        return;
      case 'required':
        if ((requiredIf.get(rule.target) ?? false) !== bool) {
          requiredIf.set(rule.target, bool);
          changedFields.add(rule.target);
        }
        return;
      case 'applicable':
        if (itemApplicable(rule.target) !== bool) {
          applicable.set(rule.target, bool);
          materialCache = undefined;
          itemErrors.itemChanged(rule.target);
          visibleCache.clear();
          visibilityMayChange(compiled.fieldsOfItem.get(rule.target) ?? []);
        }
        return;
      case 'sectionVisible':
        if ((sectionVisible.get(rule.target) ?? true) !== bool) {
          sectionVisible.set(rule.target, bool);
          visibleCache.clear();
          visibilityMayChange(fieldsOfSection.get(rule.target) ?? []);
        }
        return;
      case 'materialRequired':
        if (materialRequired.get(rule.target) !== bool) {
          materialRequired.set(rule.target, bool);
          materialCache = undefined;
        }
        return;
      case 'validate':
        checkValidation(rule, result);
        return;
    }
  };

  const checkValidation = (rule: CompiledRule, result: ReturnType<CompiledRule['evaluate']>) => {
    // A rule that cannot be evaluated (it reads an empty field) or whose guard is false is not checked.
    const failed = result.ok && result.value === false;
    const before = ruleErrors.has(rule.id);
    if (failed) ruleErrors.set(rule.id, ruleDiagnostic(rule));
    else ruleErrors.delete(rule.id);
    if (before !== failed || failed)
      for (const key of validationTargets.get(rule.id) ?? []) changedFields.add(key);
  };

  const ruleDiagnostic = (rule: CompiledRule): Diagnostic => {
    const source = sourceRules.get(rule.id);
    const targets = validationTargets.get(rule.id) ?? [];
    return createDataDiagnostic('DATA_RULE', {
      path: `/${targets[0] ?? ''}`,
      params: { text: source?.message ?? rule.expr, rule: rule.target, focus: targets[0] },
      lang,
      ...(source?.severity === 'warning' ? { severity: 'warning' as const } : {}),
    });
  };

  /** Run queued rules to a fixpoint, re-check changed fields' constraints, notify listeners. */
  const drain = (checkConstraints = true) => {
    context.today = today();
    let budget = MAX_EVALUATIONS_PER_CHANGE;
    for (let i = 0; i < queue.length && budget-- > 0; i++) {
      const id = queue[i]!;
      queued.delete(id);
      const rule = index.byId.get(id);
      if (rule) runRule(rule);
    }
    queue.length = 0;
    queued.clear();
    if (!checkConstraints) {
      constraintDirty.clear(); // the initial pass checks every value at once instead
      itemErrors.discard();
    }
    for (const key of constraintDirty) {
      itemErrors.fieldChanged(key);
      const value = values.get(key);
      const errors =
        isVisible(key) && !isEmpty(value) ? compiled.constraints.field(key, value, lang) : NO_ERRORS;
      if (errors.length > 0) constraintErrors.set(key, errors);
      else constraintErrors.delete(key);
    }
    constraintDirty.clear();
    itemErrors.flush();
    if (changedFields.size === 0) return;
    if (formListeners.size === 0 && fieldListeners.size === 0) {
      changedFields.clear(); // nobody listens (a server-side check): skip building the change list
      return;
    }
    const changed = [...changedFields];
    changedFields.clear();
    notify(changed);
  };

  const notify = (changed: string[]) => {
    if (changed.length === 0) return;
    for (const listener of formListeners) listener(changed);
    for (const key of changed) {
      const listeners = fieldListeners.get(key);
      if (listeners && listeners.size > 0) {
        const state = getField(key);
        for (const listener of listeners) listener(state);
      }
    }
  };

  // ---- field state -------------------------------------------------------------------------
  const NO_ERRORS: Diagnostic[] = [];
  /** Whether a field's value is sent to departments: visible, or an item output. */
  const sendable = (key: string) => isVisible(key) || !!fieldMap.get(key)?.outputOf;
  const itemErrors = createItemErrors(compiled, {
    isApplicable: (id) => itemApplicable(id),
    valueOf: (key) => values.get(key),
    sendable,
    lang: () => lang,
    onFieldChanged: (key) => changedFields.add(key),
  });
  const fieldErrors = (key: string): Diagnostic[] => {
    if (!isVisible(key)) return NO_ERRORS;
    const missing = isEmpty(values.get(key)) && isRequired(key);
    const ruleIds = validationsOf.get(key);
    if (!missing && !ruleIds && !constraintErrors.has(key) && !itemErrors.of(key)) return NO_ERRORS; // the common case, kept cheap
    const out: Diagnostic[] = [];
    if (missing) {
      const field = fieldMap.get(key)!;
      const depts = departmentsOf(field).map((id) => compiled.departmentLabel(id));
      out.push(
        createDataDiagnostic('DATA_REQUIRED', {
          path: `/${key}`,
          params: {
            label: field.definition.label,
            depts: depts.length > 0 ? depts : { 'zh-CN': '本事项', en: 'this application' },
          },
          lang,
        }),
      );
    }
    const merged = constraintErrors.get(key) ?? NO_ERRORS;
    out.push(...merged);
    // A conditional item's error the merged constraints already report (same code, same place) is said once.
    for (const d of itemErrors.of(key) ?? NO_ERRORS)
      if (!merged.some((m) => m.code === d.code && m.path === d.path)) out.push(d);
    for (const id of ruleIds ?? []) {
      const error = ruleErrors.get(id);
      if (error) out.push({ ...error, path: `/${key}`, message: error.messages[lang] });
    }
    return out;
  };

  /**
   * Fields with errors, in form order. Only three kinds of field can have one — required ones that are
   * empty, ones with constraint errors, targets of failing cross-field rules — so only those are checked.
   */
  const fieldsWithErrors = (): string[] => {
    const candidates = new Set<string>(constraintErrors.keys());
    for (const key of itemErrors.keys()) candidates.add(key);
    for (const id of ruleErrors.keys())
      for (const key of validationTargets.get(id) ?? []) candidates.add(key);
    for (const key of requirable) if (values.get(key) === undefined) candidates.add(key);
    return form.order.filter((key) => candidates.has(key) && fieldErrors(key).length > 0);
  };

  const getField = (key: string): FieldState => {
    const field = fieldMap.get(key);
    return {
      key,
      value: values.get(key),
      visible: isVisible(key),
      required: isRequired(key),
      readOnly: field ? isReadOnly(field) : true,
      computed: !!field?.definition.computed && !userSet.has(key),
      touched: allTouched || touched.has(key),
      errors: fieldErrors(key),
      departments: field ? departmentsOf(field) : [],
    };
  };

  const getValues = (): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of form.order) {
      const value = values.get(key);
      if (!isEmpty(value) && (isVisible(key) || fieldMap.get(key)?.outputOf)) out[key] = value;
    }
    return out;
  };

  const setValuesInternal = (entries: Record<string, unknown>) => {
    for (const [key, value] of Object.entries(entries)) {
      if (!has(key)) continue;
      if (isEmpty(value)) {
        values.delete(key);
        userSet.delete(key);
      } else {
        values.set(key, value);
        userSet.add(key);
      }
      fieldChanged(key);
    }
  };

  const materials = (): MaterialState[] =>
    (materialCache ??= materialStates(compiled, { applicable: itemApplicable, materialRequired, decisions }));

  const state: FormState = {
    compiled,
    getValue: (key) => (fieldMap.has(key) ? values.get(key) : undefined),
    getValues,
    setValue(key, value) {
      setValuesInternal({ [key]: value });
      drain();
    },
    setValues(entries) {
      setValuesInternal(entries);
      drain();
    },
    touch(key) {
      if (allTouched || touched.has(key)) return;
      touched.add(key);
      notify([key]);
    },
    getField,
    isVisible,
    inputIssues: () => ({
      unknown: unknownKeys,
      hidden: conditionalKeys.filter((key) => !isVisible(key) && !isEmpty(initial[key])),
    }),
    fields: () => form.order.map(getField),
    isItemApplicable: itemApplicable,
    isSectionVisible: (id) => sectionVisible.get(id) ?? true,
    setMaterial(id, decision) {
      if (decision) decisions[id] = decision;
      else delete decisions[id];
      materialCache = undefined;
      for (const listener of formListeners) listener([]);
    },
    materials,
    notice: () =>
      buildNotice(compiled, {
        fields: fieldsWithErrors().map(getField),
        materials: materials(),
        ruleErrors: [...ruleErrors.values()],
        lang,
      }),
    validate() {
      const revealing = !allTouched;
      allTouched = true;
      const notice = state.notice();
      // Every field now counts as touched: tell the rows whose errors were not shown yet.
      if (revealing) {
        const reveal = notice.entries
          .filter((e) => e.kind === 'field' && !touched.has(e.key))
          .map((e) => e.key);
        if (reveal.length > 0) notify(reveal);
      }
      const diagnostics = notice.entries.flatMap((e) => e.diagnostics);
      // Warnings of cross-field rules (e.g. deadlines) are not in the notice but belong in the result.
      const listed = new Set(diagnostics.filter((d) => d.code === 'DATA_RULE').map((d) => d.params.rule));
      for (const error of ruleErrors.values()) if (!listed.has(error.params.rule)) diagnostics.push(error);
      return { ok: !diagnostics.some((d) => d.severity === 'error'), diagnostics: dedupe(diagnostics) };
    },
    payloads() {
      const items = bundle.items.filter((item) => itemApplicable(item.id)).map((item) => item.id);
      return splitPayloads(bundle, form, values.toObject(), {
        items,
        isVisible: sendable,
      });
    },
    subscribe(listener) {
      formListeners.add(listener);
      return () => formListeners.delete(listener);
    },
    subscribeField(key, listener) {
      let set = fieldListeners.get(key);
      if (!set) fieldListeners.set(key, (set = new Set()));
      set.add(listener);
      return () => set!.delete(listener);
    },
    setLang(next) {
      lang = next;
      for (const key of form.order) constraintDirty.add(key);
      drain();
      notify(form.order);
    },
  };

  // Initial pass: every rule once, then until nothing changes.
  const unknownKeys: string[] = [];
  const conditionalKeys: string[] = []; // given keys whose visibility depends on rules
  let emptyGiven = false;
  // Walk the form's key list (an array) rather than enumerating the caller's object: enumerating a
  // large object is several times slower. Keys that are no field are found by the validator below.
  for (const key of form.order) {
    // Field keys never name Object.prototype members (the loader forbids them), so a plain read is safe.
    const value = initial[key];
    if (value === undefined) continue;
    if (isEmpty(value)) {
      emptyGiven = true;
      continue;
    }
    if (!alwaysVisible.has(key)) conditionalKeys.push(key);
    // Only an editable computed field needs to know the applicant typed it (so it is not recomputed).
    if (editableComputed.has(key)) userSet.add(key);
  }
  // A field the caller left out starts at its `default` (what the widget would show pre-filled).
  for (const [key, value] of defaults) if (initial[key] === undefined) values.set(key, value);
  for (const key of readKeys) {
    const field = fieldMap.get(key);
    const v = field ? toCelValue(values.get(key), field.definition) : undefined;
    if (v !== undefined) context[key] = v;
  }
  for (const key of rules.computedOrder) {
    const rule = index.computed.get(key);
    if (rule) pendingRules.add(rule.id);
  }
  for (const rule of rules.rules) pendingRules.add(rule.id);
  drain(false);
  // Constraints of all visible values in one pass (one call of a precompiled validator when given).
  // Usually every given value is known, filled and visible: validate the caller's object as it is.
  let visibleValues: Record<string, unknown> = initial;
  // Validate the caller's object as it is when nothing was dropped, hidden or computed; the merged
  // schema's additionalProperties then reports unknown keys. Otherwise validate the kept values.
  let asGiven = !emptyGiven && !values.changed;
  if (asGiven) for (const key of conditionalKeys) if (!isVisible(key)) asGiven = false;
  if (!asGiven) {
    visibleValues = {};
    for (const [key, value] of values.entries()) if (isVisible(key)) visibleValues[key] = value;
    for (const key of Object.keys(initial)) if (!fieldMap.has(key)) unknownKeys.push(key);
  }
  for (const d of compiled.constraints.all(visibleValues, lang)) {
    const key = fromPointer(d.path)[0] ?? '';
    if (!fieldMap.has(key)) {
      if (d.code === 'DATA_UNKNOWN_FIELD' && !unknownKeys.includes(key)) unknownKeys.push(key);
      continue;
    }
    const list = constraintErrors.get(key);
    if (list) list.push(d);
    else constraintErrors.set(key, [d]);
  }
  // Conditional items that apply from the start; none in most bundles, so this costs nothing there.
  for (const item of bundle.items) if (itemApplicable(item.id)) itemErrors.itemChanged(item.id);
  itemErrors.flush();
  changedFields.clear(); // nobody listens yet
  return state;
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.path}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** CEL results back to JSON data: BigInt → number. */
function fromCel(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(fromCel);
  return value;
}
