import {
  createPlaygroundDiagnostic,
  formatBytes,
  type PlaygroundDiagnostic,
} from './playgroundDiagnostics.js';
import type { BundleFormat } from './shareFormat.js';

/** Largest bundle file `importBundleFile` reads. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** What `importBundleFile` gives: the text and its format, or why not. */
export type ImportedBundle =
  | { ok: true; text: string; format: BundleFormat; name: string }
  | { ok: false; diagnostics: PlaygroundDiagnostic[] };

const fail = (...args: Parameters<typeof createPlaygroundDiagnostic>): ImportedBundle => ({
  ok: false,
  diagnostics: [createPlaygroundDiagnostic(...args)],
});

function formatByName(name: string): BundleFormat | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext === 'json' ? 'json' : ext === 'yaml' || ext === 'yml' ? 'yaml' : undefined;
}

/** A bundle's format from its first lines: JSON starts with `{`; YAML has a `key:` line or `---`. */
function sniffFormat(text: string): BundleFormat | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'json';
  const lines = start.split('\n', 50).filter((l) => !/^\s*(#.*)?$/.test(l));
  if (lines[0] === '---' || lines.some((l) => /^[A-Za-z_$][\w$-]*\s*:(\s|$)/.test(l))) return 'yaml';
  return undefined;
}

/** Decode a text file: UTF-8 (BOM or not) or UTF-16 with a BOM; undefined when it is not text. */
function decode(bytes: Uint8Array): { text: string } | { reason: string } {
  const [b0, b1] = bytes;
  const utf16 = b0 === 0xff && b1 === 0xfe ? 'utf-16le' : b0 === 0xfe && b1 === 0xff ? 'utf-16be' : undefined;
  if (utf16 === undefined && bytes.includes(0)) return { reason: 'binary content' };
  try {
    return { text: new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { reason: utf16 ? `invalid ${utf16.toUpperCase()}` : 'not UTF-8' };
  }
}

/**
 * Read a bundle file the user picked or dropped: at most `MAX_IMPORT_BYTES`; the format from the name
 * (.yaml, .yml, .json) or else from the content; UTF-8 or UTF-16 with a BOM. Never throws: a file too
 * large, empty, binary, in another encoding or of an unknown kind gives zh-CN/en diagnostics.
 *
 * @example
 * input.onchange = async () => { const r = await importBundleFile(input.files![0]!); if (r.ok) open(r.text, r.format); };
 */
export async function importBundleFile(file: File): Promise<ImportedBundle> {
  const name = file.name || 'bundle';
  if (file.size > MAX_IMPORT_BYTES) {
    return fail('FILE_TOO_LARGE', {
      name,
      size: formatBytes(file.size),
      limit: formatBytes(MAX_IMPORT_BYTES),
    });
  }
  if (file.size === 0) return fail('FILE_EMPTY', { name });
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return fail('FILE_READ_FAILED', { name, reason: error instanceof Error ? error.message : String(error) });
  }
  const decoded = decode(bytes);
  if ('reason' in decoded) return fail('FILE_NOT_TEXT', { name, reason: decoded.reason });
  const text = decoded.text;
  if (text.trim() === '') return fail('FILE_EMPTY', { name });
  const format = formatByName(name) ?? sniffFormat(text);
  if (format === undefined) return fail('FILE_TYPE_UNKNOWN', { name });
  return { ok: true, text, format, name };
}
