/**
 * The stylesheet of `<onething-status>` and `<onething-rating>`, adopted after the form's (whose
 * custom properties, buttons, choices and errors they share) as a constructed stylesheet, which a
 * `style-src 'self'` policy allows. Extra custom properties: --ot-done (issued), --ot-attention
 * (补正, 容缺 overdue, retries).
 */
export const STATUS_CSS = `
.ot-status, .ot-rating { display: grid; gap: var(--ot-gap, 1rem); }
.ot-status-title, .ot-rating-title { font-size: 1.25em; margin: 0; }
.ot-status-summary, .ot-status-facts { display: grid; gap: .25rem; margin: 0; }
.ot-status-fact { display: grid; grid-template-columns: minmax(6em, max-content) 1fr; gap: .75rem; }
.ot-status-fact dt { color: var(--_muted); }
.ot-status-fact dd { margin: 0; }
.ot-status-list { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--ot-gap, 1rem); }
.ot-status-item { border: 1px solid var(--_border); border-left-width: 6px; border-radius: var(--ot-radius, 6px);
  padding: .75rem 1rem; display: grid; gap: .5rem; }
.ot-status-name { font-size: 1.05em; margin: 0; }
.ot-status-badge { font-weight: 600; }
.ot-status-note, .ot-status-skipped { color: var(--_muted); }
.ot-status-skipped { margin: 0; font-size: .875em; }
.ot-status-sublist { margin: 0; padding-left: 1.25em; }
.ot-status-overdue, .ot-verification--breached { color: var(--_error); font-weight: 600; }
.ot-status-link { color: var(--_accent); }
.ot-tone--done { border-left-color: var(--_done); }
.ot-tone--done .ot-status-badge { color: var(--_done); }
.ot-tone--active { border-left-color: var(--_accent); }
.ot-tone--attention { border-left-color: var(--_attention); }
.ot-tone--attention .ot-status-badge { color: var(--_attention); }
.ot-tone--error { border-left-color: var(--_error); }
.ot-tone--error .ot-status-badge { color: var(--_error); }
.ot-rating-target { display: grid; gap: .5rem; }
.ot-rating-group { border: 1px solid var(--_border); border-radius: var(--ot-radius, 6px); padding: .75rem 1rem; margin: 0; }
.ot-rating-group legend { font-weight: 600; padding: 0 .25rem; }
.ot-rating-reasons { border: 0; padding: 0 0 0 1rem; margin: 0; }
.ot-rating-reasons legend { padding: 0; }
.ot-rating-target--invalid .ot-rating-group { border-color: var(--_error); }
.ot-rating-count { margin: 0; color: var(--_muted); font-size: .875em; text-align: end; }
`;

let sheet: CSSStyleSheet | undefined;

/** The shared constructed stylesheet of the status and rating elements (built once per page). */
export function statusStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STATUS_CSS);
  }
  return sheet;
}
