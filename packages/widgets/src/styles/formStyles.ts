import { PANEL_CSS } from './panelStyles.js';

/**
 * The form's stylesheet. It is adopted by the element's shadow root as a constructed stylesheet,
 * which a `style-src 'self'` policy allows (no <style> element, no style attribute), and which keeps
 * our rules in and the host's out. Theme it with the custom properties below, set on the element.
 *
 * --ot-font, --ot-font-size (16px), --ot-color, --ot-muted, --ot-background, --ot-surface, --ot-accent,
 * --ot-error, --ot-success, --ot-attention, --ot-done, --ot-border, --ot-radius, --ot-gap, --ot-target
 * (min. control height, 44px). Elder mode (适老化) uses its own set, --ot-elder-accent, --ot-elder-color,
 * … (20px type, 48px targets, 7:1 contrast), so a host's theme cannot weaken it.
 */
export const FORM_CSS = `
:host { --_accent: var(--ot-accent, #0b57d0); --_attention: var(--ot-attention, #9a6700); --_background: var(--ot-background, #fff); --_border: var(--ot-border, #8c959f); --_color: var(--ot-color, #1f2328); --_done: var(--ot-done, #1a7f37); --_error: var(--ot-error, #b3261e); --_muted: var(--ot-muted, #57606a); --_success: var(--ot-success, #1a7f37); --_surface: var(--ot-surface, #f6f8fa); --_font-size: var(--ot-font-size, 16px); --_target: var(--ot-target, 44px); }
:host { display: block; font-family: var(--ot-font, system-ui, "PingFang SC", "Microsoft YaHei", sans-serif);
  font-size: var(--_font-size); color: var(--_color); background: var(--_background);
  line-height: 1.5; }
:host([elder]) { --_accent: var(--ot-elder-accent, #003a8c); --_color: var(--ot-elder-color, #000); --_muted: var(--ot-elder-muted, #1f1f1f); --_error: var(--ot-elder-error, #8b0000); --_border: var(--ot-elder-border, #000); --_success: var(--ot-elder-success, #0b5a24); --_attention: var(--ot-elder-attention, #5c3d00); --_done: var(--ot-elder-done, #0b5a24); --_font-size: var(--ot-elder-font-size, 20px); --_target: var(--ot-elder-target, 48px); }
:host([elder]) .ot-help, :host([elder]) .ot-provenance, :host([elder]) .ot-region-label { font-size: 1em; }
* { box-sizing: border-box; }
.ot-form { display: grid; gap: var(--ot-gap, 1rem); }
.ot-section { border: 1px solid var(--_border); border-radius: var(--ot-radius, 6px); padding: 1rem;
  margin: 0; display: grid; gap: var(--ot-gap, 1rem); }
.ot-section-title { font-weight: 600; padding: 0 .25rem; }
.ot-field { display: grid; gap: .25rem; }
/* Rows in chunks (SectionFields): an offscreen chunk is neither laid out nor painted. Its margins
   stay inside it, so the last row's keeps the space between chunks. */
.ot-chunk { content-visibility: auto; contain-intrinsic-block-size: auto 4000px; }
.ot-chunk > .ot-field { margin-bottom: var(--ot-gap, 1rem); }
.ot-section-fields { margin-bottom: calc(-1 * var(--ot-gap, 1rem)); }
.ot-label { font-weight: 600; }
.ot-required, .ot-computed { font-weight: 400; color: var(--_muted); }
.ot-help, .ot-provenance { margin: 0; color: var(--_muted); font-size: .875em; }
.ot-error { margin: 0; color: var(--_error); font-weight: 600; }
.ot-input, .ot-select, .ot-textarea { font: inherit; color: inherit; min-height: var(--_target);
  padding: .375rem .5rem; border: 1px solid var(--_border); border-radius: var(--ot-radius, 6px);
  background: var(--_background); width: 100%; }
.ot-textarea { min-height: 5em; }
.ot-field--invalid .ot-input, .ot-field--invalid .ot-select, .ot-field--invalid .ot-textarea {
  border-color: var(--_error); }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
.ot-choices { display: flex; flex-wrap: wrap; gap: .5rem 1rem; }
.ot-choice { display: inline-flex; align-items: center; gap: .375rem; min-height: var(--_target); }
.ot-choice input { width: 1.25em; height: 1.25em; }
.ot-switch { min-height: var(--_target); min-width: 4.5em; border-radius: 999px; font: inherit;
  border: 1px solid var(--_border); background: var(--_background); color: inherit; }
.ot-switch[aria-checked="true"] { background: var(--_accent); color: #fff; }
.ot-button { font: inherit; min-height: var(--_target); padding: .5rem 1.25rem; border-radius: var(--ot-radius, 6px);
  border: 1px solid var(--_accent); background: var(--_accent); color: #fff; cursor: pointer; }
.ot-button--secondary { background: var(--_background); color: var(--_accent); }
.ot-actions { display: flex; gap: .75rem; justify-content: flex-end; }
.ot-summary { border: 2px solid var(--_error); border-radius: var(--ot-radius, 6px); padding: .75rem 1rem; }
.ot-summary-title { font-size: 1em; margin: 0 0 .5rem; color: var(--_error); }
.ot-summary a { color: var(--_error); }
.ot-summary-more { margin: .5rem 0 0; }
.ot-progress { margin: 0; font-weight: 600; }
.ot-load-error { color: var(--_error); }
.ot-region, .ot-region-level { display: grid; gap: .25rem; }
.ot-region-levels { display: grid; gap: .5rem; grid-template-columns: repeat(auto-fit, minmax(10em, 1fr)); }
.ot-region-label { font-size: .875em; color: var(--_muted); }
.ot-repeat-row { display: grid; gap: .5rem; border-left: 3px solid var(--_border); padding-left: .75rem; }
.ot-review { display: grid; gap: var(--ot-gap, 1rem); }
.ot-review-title { margin: 0; font-size: 1.25em; }
.ot-review-section { border: 1px solid var(--_border); border-radius: var(--ot-radius, 6px); padding: 1rem; }
.ot-review-section h3 { margin: 0 0 .5rem; font-size: 1.1em; }
.ot-review-section dl { margin: 0 0 .75rem; display: grid; gap: .25rem; }
.ot-review-row { display: grid; grid-template-columns: minmax(8em, 1fr) 2fr; gap: .5rem; }
.ot-review-row dt { color: var(--_muted); }
.ot-review-row dd { margin: 0; overflow-wrap: anywhere; }
.ot-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

let sheet: CSSStyleSheet | undefined;

/** The shared constructed stylesheet (built once per page). */
export function formStyleSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(FORM_CSS + PANEL_CSS);
  }
  return sheet;
}
