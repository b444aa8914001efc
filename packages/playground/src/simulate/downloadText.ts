/**
 * Offer `text` as a file download: a Blob URL on a temporary `<a download>`, clicked and revoked.
 * Works under `script-src 'self'` (no data: URL, no inline script).
 *
 * @example
 * downloadText('simulation.jsonl', sim.traceText(), 'application/x-ndjson');
 */
export function downloadText(fileName: string, text: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
