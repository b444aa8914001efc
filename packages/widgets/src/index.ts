/**
 * @onething/widgets — preact components and custom elements that render onething's headless form
 * state. Widgets render; every decision (visibility, required, errors, computed values, the one-time
 * notice) is the engine's.
 *
 * @example
 * import { defineOnethingForm } from '@onething/widgets';
 * defineOnethingForm(); // then <onething-form bundle="…" validators="…"> in the page
 * @packageDocumentation
 */
export { defineOnethingForm } from './elements/defineOnethingForm.js';
export type { OnethingFormEvents } from './elements/defineOnethingForm.js';
export { createDraftStore } from './elements/createDraftStore.js';
export type { DraftStore } from './elements/createDraftStore.js';
export { FormView } from './form/FormView.js';
export type { FormViewProps, SubmitDetail } from './form/FormView.js';
export { FieldRow } from './form/FieldRow.js';
export { ErrorSummary } from './form/ErrorSummary.js';
export { sectionsOf } from './form/sectionsOf.js';
export { useFormState } from './form/useFormState.js';
export { createControlRegistry } from './controls/createControlRegistry.js';
export type { ControlRegistry } from './controls/createControlRegistry.js';
export { defaultControls } from './controls/defaultControls.js';
export type { ControlEntry, ControlProps } from './controls/types.js';
export { FORM_CSS, formStyleSheet } from './styles/formStyles.js';
export { MESSAGES, t } from './i18n/messages.js';
