import type { ServerResponse } from 'node:http';

/**
 * The policy for every page the server renders and for the client's HTML: scripts only from
 * this origin (no inline script, no eval), no framing by other sites, connections only back here.
 * Inline styles stay allowed: React sets element styles, and message HTML may carry none that
 * can run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "media-src 'self' blob: https:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for HTML: the policy above, never cached, never framed. */
export function setPageHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
  res.setHeader('Cache-Control', 'no-store');
  // Pages differ by session (the client, or a redirect to log in).
  res.setHeader('Vary', 'Cookie');
}
