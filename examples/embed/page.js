// The host page's own script: shows what the form hands over on submit (merged data, each
// department's payload, material decisions). No inline script: the CSP forbids it.
const output = document.getElementById('submitted');
document.addEventListener('onething-submit', (event) => {
  output.textContent = JSON.stringify(event.detail, null, 2);
});
document.addEventListener('onething-error', (event) => {
  output.textContent = `error: ${event.detail.message}`;
});
