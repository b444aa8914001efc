import { readFile } from 'node:fs/promises';
import { loadBundle, type LoadedBundle, type LoadOptions } from '../bundle/loadBundle.js';

/** An I/O failure (missing file, permission): the CLI's exit code 2, unlike problems in the content. */
export class FileReadError extends Error {
  override readonly name = 'FileReadError';
}

/**
 * Read and load a bundle file (YAML or JSON). Content problems are diagnostics on the result;
 * only a file that cannot be read rejects, with `FileReadError`.
 */
export async function readBundleFile(
  path: string,
  options: Omit<LoadOptions, 'fileName'> = {},
): Promise<LoadedBundle> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FileReadError(`${path}: ${(error as NodeJS.ErrnoException).code ?? 'cannot read'}`);
  }
  return loadBundle(text, { ...options, fileName: path });
}
