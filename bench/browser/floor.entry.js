// The floor: the same flat form written by hand in plain DOM, with no library and no logic beyond
// showing dependents and checking required fields. Same metrics as ours.entry.js.
import bundle from './bundle.json';
import { whenShown } from './whenShown.js';

window.metrics = { keydown: [], submit: [] };
const start = performance.now();
const form = document.createElement('form');
form.noValidate = true;
const rows = {};
for (const [key, field] of Object.entries(bundle.fields)) {
  const row = document.createElement('div');
  const label = document.createElement('label');
  label.htmlFor = `x-${key}`;
  label.textContent = field.label['zh-CN'];
  let input;
  if (field.options) {
    input = document.createElement('select');
    for (const o of [{ value: '', label: { 'zh-CN': '请选择' } }, ...field.options]) {
      const option = document.createElement('option');
      option.value = o.value;
      option.textContent = o.label['zh-CN'];
      input.append(option);
    }
  } else {
    input = document.createElement('input');
    input.type = field.type === 'boolean' ? 'checkbox' : field.type === 'date' ? 'date' : 'text';
  }
  input.id = `x-${key}`;
  row.append(label, input);
  rows[key] = row;
  if (field.visibleIf) row.hidden = true;
  form.append(row);
}
const summary = document.createElement('div');
const submit = document.createElement('button');
submit.type = 'submit';
submit.textContent = '提交';
form.prepend(summary);
form.append(submit);
form.addEventListener('input', (e) => {
  const m = /^x-f(\d+)$/.exec(e.target.id);
  if (!m || Number(m[1]) % 5 !== 0) return;
  const dependent = rows[`f${Number(m[1]) + 4}`];
  if (dependent) dependent.hidden = e.target.value === '';
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  const required = bundle.items.flatMap((item) => item.form.schema.required);
  const missing = required.filter((k) => !document.getElementById(`x-${k}`).value);
  summary.textContent = missing.length ? `${missing.length} 项必填` : '';
  summary.className = missing.length ? 'ot-summary' : '';
});
document.body.append(form);
requestAnimationFrame(() => setTimeout(() => (window.metrics.firstRender = performance.now() - start)));

// From the keydown (or the submit click) to the dependent field (or the summary) laid out.
let stop;
const measure = (kind, find) => {
  const t0 = performance.now();
  stop?.();
  stop = whenShown(document.body, find, (t) => window.metrics[kind].push(t - t0));
};
window.addEventListener(
  'keydown',
  (e) => {
    const m = /^x-f(\d+)$/.exec(e.target.id ?? '');
    if (!m) return;
    const row = rows[`f${Number(m[1]) + 4}`];
    measure('keydown', () => (row.hidden ? null : row));
  },
  true,
);
window.addEventListener(
  'click',
  (e) => {
    if (e.target.type === 'submit') measure('submit', () => document.querySelector('.ot-summary'));
  },
  true,
);
