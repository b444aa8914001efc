/**
 * The playground's Content-Security-Policy: scripts, styles and everything else only from the app's
 * own origin — no inline script, no eval (`script-src 'self'`). Blob URLs are allowed for downloads.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
