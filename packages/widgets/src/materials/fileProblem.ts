import type { FileInfo, Problem } from './types.js';

const MB = 1024 * 1024;

/**
 * Whether a chosen file fits the material's `accept` list (MIME types, `type/*` wildcards or `.ext`
 * suffixes) and `maxSizeMB`. A UI constraint only: the receiving department checks the file again.
 *
 * @example
 * fileProblem({ name: 'a.gif', size: 10, type: 'image/gif' }, ['image/png'], 5);
 * // → { key: 'fileType', params: { name: 'a.gif', types: 'image/png' } }
 */
export function fileProblem(file: FileInfo, accept?: string[], maxSizeMB?: number): Problem | undefined {
  const name = file.name;
  if (accept && accept.length > 0 && !accept.some((entry) => accepts(entry, file))) {
    return { key: 'fileType', params: { name, types: accept.join(', ') } };
  }
  if (maxSizeMB !== undefined && file.size > maxSizeMB * MB) {
    return { key: 'fileSize', params: { name, size: maxSizeMB } };
  }
  if (file.size === 0) return { key: 'fileEmpty', params: { name } };
  return undefined;
}

function accepts(entry: string, file: FileInfo): boolean {
  const pattern = entry.trim().toLowerCase();
  const type = (file.type ?? '').toLowerCase();
  if (pattern.startsWith('.')) return file.name.toLowerCase().endsWith(pattern);
  if (pattern.endsWith('/*')) return type.startsWith(pattern.slice(0, -1));
  return type === pattern;
}
