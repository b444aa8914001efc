/**
 * `url` as an absolute http(s) URL, or undefined for anything else (`javascript:`, `data:`, garbage).
 * Licence links come from department systems, so they are checked before they become an `href`.
 * Relative URLs resolve against `base` when given, and are refused without one. The WHATWG parser
 * does the work, so tricks like `java\nscript:` or leading spaces are read as a browser reads them.
 */
export function safeHttpUrl(url: unknown, base?: string): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(url) : new URL(url, base);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}
