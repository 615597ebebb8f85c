import type { IncomingHttpHeaders } from 'node:http';
import { checkApiTarget } from './guards';
import { API_SECURITY_HEADER_LIST } from './security-headers';

const MEDIA_TYPE = /^[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+(\s*;.*)?$/;

type UpstreamHeaders = Record<string, string | string[] | undefined> | IncomingHttpHeaders;

function single(value: string | string[] | undefined): string | undefined {
  if (Array.isArray(value)) return value.length === 1 ? value[0] : undefined;
  return value;
}

/**
 * A created object's `Location` as a path on the studio (`/api/v1/<collection>/<id>`): only
 * locations on the CMS itself and under /api/v1 qualify; anything else is dropped, never passed on.
 */
export function studioLocation(location: string, cmsUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(location, `${cmsUrl}/`);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(cmsUrl).origin) return undefined;
  const checked = checkApiTarget(url.pathname + url.search);
  return checked.ok ? checked.path : undefined;
}

/**
 * The headers of a forwarded answer, as writeHead's flat list: the API security headers, and of
 * CMS's own only the body's type, Retry-After for a busy CMS and the Location of a created object.
 * Cookies, CORS grants, policies, challenges and everything else a CMS (or something posing as
 * one) might send stay behind; Content-Length is the proxy's own.
 */
export function answerHeaders(headers: UpstreamHeaders, cmsUrl: string, contentLength: number): string[] {
  const out = [...API_SECURITY_HEADER_LIST, 'Cache-Control', 'no-store', 'Content-Length', String(contentLength)];
  const type = single(headers['content-type']);
  if (type !== undefined && MEDIA_TYPE.test(type)) out.push('Content-Type', type);
  const retryAfter = single(headers['retry-after']);
  if (retryAfter !== undefined && /^[\w ,:+-]{1,64}$/.test(retryAfter)) out.push('Retry-After', retryAfter);
  const location = single(headers.location);
  const rewritten = location === undefined ? undefined : studioLocation(location, cmsUrl);
  if (rewritten !== undefined) out.push('Location', rewritten);
  return out;
}
