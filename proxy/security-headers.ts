import type { ServerResponse } from 'node:http';

/**
 * The page's policy: scripts, workers and fetches only from this origin. MUI's emotion injects
 * <style> elements at run time, so styles need 'unsafe-inline' (styles cannot run code).
 * `frame-ancestors` is what stops a foreign page from framing the studio and clicking through a
 * wizard with credentials the proxy holds; browsers ignore it in a <meta> policy, so the header
 * carries it (and X-Frame-Options for browsers that predate it).
 */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/** The policy a built index.html carries as <meta>, for static hosting that sets no headers (the demo). */
export const META_CONTENT_SECURITY_POLICY = PAGE_POLICY.join('; ');

export const CONTENT_SECURITY_POLICY = [...PAGE_POLICY, "frame-ancestors 'none'"].join('; ');

/**
 * `npm run dev`: Vite's React refresh preamble is an inline module script and HMR talks over a
 * WebSocket; everything else stays as strict as in production.
 */
export const DEV_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws: wss:",
);

export function securityHeaders(policy = CONTENT_SECURITY_POLICY): Readonly<Record<string, string>> {
  return {
    'Content-Security-Policy': policy,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** For the page and its files. */
export const SECURITY_HEADERS = securityHeaders();

/**
 * For API answers and the proxy's own: nothing in them may load or run anything, even when a
 * browser is pointed at one directly (XML can carry XHTML script).
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; sandbox";

export const API_SECURITY_HEADERS = securityHeaders(API_CONTENT_SECURITY_POLICY);

/**
 * The API's headers as the flat [name, value, …] list writeHead takes; Node serialises that form
 * faster than an object, and these go out with every forwarded answer.
 */
export const API_SECURITY_HEADER_LIST: readonly string[] = Object.freeze(
  Object.entries(API_SECURITY_HEADERS).flat(),
);

/** Sets the headers before anything else answers (static files). */
export function setSecurityHeaders(res: ServerResponse, headers: Readonly<Record<string, string>> = SECURITY_HEADERS): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

/** The same headers as raw HTTP lines, for answers written straight to a socket (malformed requests). */
export const SECURITY_HEADER_LINES = Object.entries(API_SECURITY_HEADERS)
  .map(([name, value]) => `${name}: ${value}\r\n`)
  .join('');
