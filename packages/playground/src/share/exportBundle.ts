import type { BundleFormat } from './shareFormat.js';

/** What `exportBundle` needs of the page; the real `document` and `URL` by default (tests pass fakes). */
export interface DownloadHost {
  document: Pick<Document, 'createElement' | 'body'>;
  URL: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
}

const MIME: Record<BundleFormat, string> = { yaml: 'application/yaml', json: 'application/json' };

/** `新生儿出生 一件事/v2` → `新生儿出生-一件事-v2.yaml`: a file name without path or reserved characters. */
export function exportFileName(name: string, format: BundleFormat): string {
  const base = [...name.replace(/\.(ya?ml|json)$/i, '')]
    .map((c) => (c.charCodeAt(0) < 0x20 ? '-' : c))
    .join('')
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 100);
  return `${base || 'bundle'}.${format === 'json' ? 'json' : 'yaml'}`;
}

/**
 * Download the bundle text as a file: a Blob behind an `<a download>` clicked from script, which works
 * under `script-src 'self'` (no data: URL, no inline script). Returns the file name used.
 *
 * @example
 * exportBundle(editor.text, 'yaml', bundle.id); // saves newborn.yaml
 */
export function exportBundle(
  text: string,
  format: BundleFormat,
  name: string,
  host: DownloadHost = { document, URL },
): string {
  const fileName = exportFileName(name, format);
  const url = host.URL.createObjectURL(new Blob([text], { type: `${MIME[format]};charset=utf-8` }));
  const link = host.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  host.document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
    setTimeout(() => host.URL.revokeObjectURL(url), 0);
  }
  return fileName;
}
