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
export { defaultControls, regionControlEntry } from './controls/defaultControls.js';
export type { RegionControlOptions } from './controls/RegionControl.js';
export { parseRegionData } from './controls/parseRegionData.js';
export type { RegionDataFile, RegionNode, RegionTree } from './controls/parseRegionData.js';
export { regionPath } from './controls/regionPath.js';
export type { RegionPath } from './controls/regionPath.js';
export type { ControlEntry, ControlProps } from './controls/types.js';
export { FORM_CSS, formStyleSheet } from './styles/formStyles.js';
export { MESSAGES, t } from './i18n/messages.js';
export { STATUS_MESSAGES, ts } from './i18n/statusMessages.js';
export { MaterialsPanel } from './materials/MaterialsPanel.js';
export type { MaterialsPanelProps } from './materials/MaterialsPanel.js';
export { MaterialCard } from './materials/MaterialCard.js';
export { decisionFor } from './materials/decisionFor.js';
export { fileProblem } from './materials/fileProblem.js';
export { materialCardId } from './materials/materialCardId.js';
export type { ELicenceProvider } from './materials/lookupLicence.js';
export { NoticeView } from './notice/NoticeView.js';
export type { NoticeViewProps } from './notice/NoticeView.js';
export { noticeTargetId } from './notice/noticeTargetId.js';
export { PANEL_CSS } from './styles/panelStyles.js';
export { ReviewView } from './form/ReviewView.js';
export { defineOnethingStatus } from './elements/defineOnethingStatus.js';
export type { OnethingStatusEvents } from './elements/defineOnethingStatus.js';
export { defineOnethingRating } from './elements/defineOnethingRating.js';
export type { OnethingRatingEvents } from './elements/defineOnethingRating.js';
export { StatusView } from './status/StatusView.js';
export type { StatusViewProps } from './status/StatusView.js';
export { deadlineOf, deadlineText } from './status/deadlineOf.js';
export type { Deadline } from './status/deadlineOf.js';
export { createStatusPoller } from './status/createStatusPoller.js';
export type { StatusPoller, StatusPollerOptions } from './status/createStatusPoller.js';
export { RatingView } from './rating/RatingView.js';
export type { RatingViewProps } from './rating/RatingView.js';
export { checkRating } from './rating/checkRating.js';
export type { RatingDetail, RatingDraft, RatingItem, RatingProblem } from './rating/checkRating.js';
export { RATING_LEVELS, RATING_REASONS } from './rating/ratingLevels.js';
export type { RatingLevel, RatingReason } from './rating/ratingLevels.js';
export { STATUS_CSS, statusStyleSheet } from './styles/statusStyles.js';
