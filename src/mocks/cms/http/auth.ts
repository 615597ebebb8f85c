type Credentials = { user: string; password: string } | null;

/** Basic credentials as CMS checks them; null credentials (the mock inside the studio or a test) accept anyone. */
export function authorized(request: Request, credentials: Credentials): boolean {
  if (!credentials) return true;
  const match = /^Basic\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
  if (!match?.[1]) return false;
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(Uint8Array.from(atob(match[1]), (c) => c.charCodeAt(0)));
  } catch {
    return false;
  }
  const sep = decoded.indexOf(':');
  return sep >= 0 && decoded.slice(0, sep) === credentials.user && decoded.slice(sep + 1) === credentials.password;
}

/**
 * A browser page of another site must not drive the mock's control endpoints: a request that
 * carries an Origin is accepted only from the mock's own host or a configured studio origin.
 * Requests without Origin come from tools and scripts, which the credentials already gate.
 */
export function originAllowed(request: Request, allowed: readonly string[]): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  const host = request.headers.get('host') ?? new URL(request.url).host;
  if (parsed.host.toLowerCase() === host.toLowerCase()) return true;
  return allowed.some((a) => a.replace(/\/+$/, '').toLowerCase() === parsed.origin.toLowerCase());
}

export function unauthorized(): Response {
  return new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="acano"' } });
}
