/**
 * Rules for the materials panel and the one-time notice, to be appended to `FORM_CSS`: the same custom
 * properties plus --ot-success (done states) and --ot-surface (the commitment text's background).
 * `@media print` leaves the notice a plain, paged list: no buttons, no link styling, groups kept whole
 * where they fit. Mark anything else that should not print with `.ot-no-print`.
 */
export const PANEL_CSS = `
:host([elder]) { --ot-success: #0b5a24; }
.ot-materials { display: grid; gap: var(--ot-gap, 1rem); }
.ot-materials-title, .ot-notice-title { font-size: 1.25em; margin: 0; }
.ot-material { border: 1px solid var(--_border); border-radius: var(--ot-radius, 6px); padding: 1rem;
  display: grid; gap: .5rem; }
.ot-material--done { border-left: 4px solid var(--_success); }
.ot-material-title { font-size: 1.0625em; margin: 0; }
.ot-material-facts, .ot-material-items { margin: 0; color: var(--_muted); font-size: .875em; }
.ot-material-status { margin: 0; font-weight: 600; }
.ot-material--done .ot-material-status { color: var(--_success); }
.ot-material-decided, .ot-material-actions, .ot-material-way { display: grid; gap: .5rem; justify-items: start; }
.ot-material-ways { border: 0; padding: 0; margin: 0; }
.ot-material-deadline { margin: 0; font-weight: 600; color: var(--_error); }
.ot-commitment-text { margin: 0; padding: .75rem; white-space: pre-wrap; border-left: 3px solid var(--_accent);
  background: var(--_surface); }
.ot-sign-agree { align-items: flex-start; }
.ot-signer { max-width: 20em; }
.ot-file { font: inherit; min-height: var(--_target); }
.ot-notice { display: grid; gap: var(--ot-gap, 1rem); border: 2px solid var(--_error);
  border-radius: var(--ot-radius, 6px); padding: 1rem; }
.ot-notice--complete { border-color: var(--_success); }
.ot-notice--complete .ot-notice-title { color: var(--_success); }
.ot-notice-head { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; }
.ot-notice-bundle { margin: 0; color: var(--_muted); }
.ot-notice-department { font-size: 1em; margin: 0 0 .25rem; }
.ot-notice-list { margin: 0; padding-left: 1.25rem; display: grid; gap: .5rem; }
.ot-notice-kind { font-size: .75em; padding: 0 .375rem; border: 1px solid var(--_border);
  border-radius: var(--ot-radius, 6px); color: var(--_muted); }
.ot-notice-link { color: var(--_accent); font-weight: 600; }
.ot-notice-reasons { margin: .25rem 0 0; padding-left: 1.25rem; color: var(--_error); }
@media print {
  :host { color: #000; background: #fff; font-size: 12pt; }
  .ot-notice-print, .ot-material-actions, .ot-material-undo, .ot-actions, .ot-no-print { display: none !important; }
  .ot-notice, .ot-material { border: 1px solid #000; }
  .ot-notice-link { color: #000; text-decoration: none; }
  .ot-notice-reasons, .ot-notice-title, .ot-material-deadline { color: #000; }
  .ot-notice-group, .ot-material, .ot-notice-entry { break-inside: avoid; page-break-inside: avoid; }
  .ot-notice-department { break-after: avoid; page-break-after: avoid; }
}
`;
