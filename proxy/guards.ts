export type GuardResult = { ok: true; path: string } | { ok: false; status: number; reason: string };

const API_PREFIX = /^\/api\/v1(\/|$)/i;

/**
 * Decides whether a request target may go to CMS. Only origin-form paths under /api/v1 pass, after
 * one round of percent-decoding; anything that could climb out of /api/v1 or name another host is
 * refused rather than normalised, because a proxy that rewrites such paths can be tricked.
 */
export function checkApiTarget(rawTarget: string): GuardResult {
  if (!rawTarget.startsWith('/') || rawTarget.startsWith('//')) {
    return { ok: false, status: 400, reason: 'Only paths on this server are accepted (no absolute URLs or other hosts).' };
  }
  const [rawPath = '', query] = splitOnce(rawTarget, '?');
  // Nearly every API path is plain: no escapes, backslashes or dot segments to look into.
  if (!/[%\\]|\/\./.test(rawPath)) {
    if (!API_PREFIX.test(rawPath)) return { ok: false, status: 404, reason: 'Only /api/v1/ is forwarded to CMS.' };
    return { ok: true, path: rawTarget };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { ok: false, status: 400, reason: 'The path has a malformed percent-encoding.' };
  }
  if (/[\\\0]/.test(decoded) || /%2f|%5c|%2e/i.test(rawPath)) {
    return { ok: false, status: 400, reason: 'Encoded slashes, dots or backslashes are not accepted in API paths.' };
  }
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) {
    return { ok: false, status: 400, reason: 'Path traversal (.. or .) is not accepted.' };
  }
  if (!API_PREFIX.test(decoded)) return { ok: false, status: 404, reason: 'Only /api/v1/ is forwarded to CMS.' };
  return { ok: true, path: query === undefined ? rawPath : `${rawPath}?${query}` };
}

function splitOnce(text: string, sep: string): [string, string?] {
  const i = text.indexOf(sep);
  return i < 0 ? [text] : [text.slice(0, i), text.slice(i + 1)];
}

export const FORWARDED_METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE']);

/** DNS rebinding defence: the Host header must name this server, not an attacker's domain. */
export function hostAllowed(hostHeader: string | undefined, allowed: ReadonlySet<string>): boolean {
  return hostHeader !== undefined && allowed.has(hostHeader.toLowerCase());
}

export function allowedHostSet(bindHost: string, port: number, extra: readonly string[]): Set<string> {
  const names = new Set<string>(['127.0.0.1', 'localhost', '[::1]', bindHost.includes(':') ? `[${bindHost}]` : bindHost]);
  const out = new Set<string>();
  for (const name of names) {
    out.add(name.toLowerCase());
    out.add(`${name.toLowerCase()}:${port}`);
  }
  for (const name of extra) out.add(name.toLowerCase());
  return out;
}

/**
 * A request from another site must not drive CMS with credentials the proxy holds. The browser
 * sends Origin on cross-site and state-changing requests; Referer is the fallback.
 */
export function sameOrigin(headers: { origin?: string; referer?: string; host?: string }, method: string): boolean {
  const host = headers.host?.toLowerCase();
  const source = headers.origin ?? (method === 'GET' ? undefined : headers.referer);
  if (source === undefined) return true;
  if (source === 'null') return false;
  try {
    return new URL(source).host.toLowerCase() === host;
  } catch {
    return false;
  }
}
