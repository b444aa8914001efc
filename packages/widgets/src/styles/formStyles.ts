/**
 * The form's stylesheet. It is adopted by the element's shadow root as a constructed stylesheet,
 * which a `style-src 'self'` policy allows (no <style> element, no style attribute), and which keeps
 * our rules in and the host's out. Theme it with the custom properties below, set on the element.
 *
 * --ot-font, --ot-font-size (16px; 18px in elder mode), --ot-color, --ot-muted, --ot-background,
 * --ot-accent, --ot-error, --ot-border, --ot-radius, --ot-gap, --ot-target (min. control height)
 */
export const FORM_CSS = `
:host { display: block; font-family: var(--ot-font, system-ui, "PingFang SC", "Microsoft YaHei", sans-serif);
  font-size: var(--ot-font-size, 16px); color: var(--ot-color, #1f2328); background: var(--ot-background, #fff);
  line-height: 1.5; }
:host([elder]) { --ot-font-size: 20px; --ot-target: 48px; --ot-color: #000; --ot-muted: #1f1f1f;
  --ot-accent: #003a8c; --ot-error: #8b0000; --ot-border: #000; }
* { box-sizing: border-box; }
.ot-form { display: grid; gap: var(--ot-gap, 1rem); }
.ot-section { border: 1px solid var(--ot-border, #8c959f); border-radius: var(--ot-radius, 6px); padding: 1rem;
  margin: 0; display: grid; gap: var(--ot-gap, 1rem); }
.ot-section-title { font-weight: 600; padding: 0 .25rem; }
.ot-field { display: grid; gap: .25rem; }
.ot-label { font-weight: 600; }
.ot-required, .ot-computed { font-weight: 400; color: var(--ot-muted, #57606a); }
.ot-help, .ot-provenance { margin: 0; color: var(--ot-muted, #57606a); font-size: .875em; }
.ot-error { margin: 0; color: var(--ot-error, #b3261e); font-weight: 600; }
.ot-input, .ot-select, .ot-textarea { font: inherit; color: inherit; min-height: var(--ot-target, 40px);
  padding: .375rem .5rem; border: 1px solid var(--ot-border, #8c959f); border-radius: var(--ot-radius, 6px);
  background: var(--ot-background, #fff); width: 100%; }
.ot-textarea { min-height: 5em; }
.ot-field--invalid .ot-input, .ot-field--invalid .ot-select, .ot-field--invalid .ot-textarea {
  border-color: var(--ot-error, #b3261e); }
:focus-visible { outline: 3px solid var(--ot-accent, #0b57d0); outline-offset: 2px; }
.ot-choices { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
.ot-choice { display: inline-flex; align-items: center; gap: .375rem; min-height: var(--ot-target, 40px); }
.ot-choice input { width: 1.25em; height: 1.25em; }
.ot-switch { min-height: var(--ot-target, 40px); min-width: 4.5em; border-radius: 999px; font: inherit;
  border: 1px solid var(--ot-border, #8c959f); background: var(--ot-background, #fff); color: inherit; }
.ot-switch[aria-checked="true"] { background: var(--ot-accent, #0b57d0); color: #fff; }
.ot-button { font: inherit; min-height: var(--ot-target, 44px); padding: .5rem 1.25rem; border-radius: var(--ot-radius, 6px);
  border: 1px solid var(--ot-accent, #0b57d0); background: var(--ot-accent, #0b57d0); color: #fff; cursor: pointer; }
.ot-button--secondary { background: var(--ot-background, #fff); color: var(--ot-accent, #0b57d0); }
.ot-actions { display: flex; gap: .75rem; justify-content: flex-end; }
.ot-summary { border: 2px solid var(--ot-error, #b3261e); border-radius: var(--ot-radius, 6px); padding: .75rem 1rem; }
.ot-summary-title { font-size: 1em; margin: 0 0 .5rem; color: var(--ot-error, #b3261e); }
.ot-summary a { color: var(--ot-error, #b3261e); }
.ot-progress { margin: 0; font-weight: 600; }
.ot-load-error { color: var(--ot-error, #b3261e); }
.ot-repeat-row { display: grid; gap: .5rem; border-left: 3px solid var(--ot-border, #8c959f); padding-left: .75rem; }
.ot-review { display: grid; gap: var(--ot-gap, 1rem); }
.ot-review-title { margin: 0; font-size: 1.25em; }
.ot-review-section { border: 1px solid var(--ot-border, #8c959f); border-radius: var(--ot-radius, 6px); padding: 1rem; }
.ot-review-section h3 { margin: 0 0 .5rem; font-size: 1.1em; }
.ot-review-section dl { margin: 0 0 .75rem; display: grid; gap: .25rem; }
.ot-review-row { display: grid; grid-template-columns: minmax(8em, 1fr) 2fr; gap: .5rem; }
.ot-review-row dt { color: var(--ot-muted, #57606a); }
.ot-review-row dd { margin: 0; overflow-wrap: anywhere; }
.ot-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

let sheet: CSSStyleSheet | undefined;

/** The shared constructed stylesheet (built once per page). */
export function formStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(FORM_CSS);
  }
  return sheet;
}
