// zod/mini: the app shell reads proxy problems on first load; the mini API keeps zod's share of it small.
import { z } from 'zod/mini';

/**
 * When the studio's proxy answers instead of CMS (it refused the request, or CMS could not be
 * reached, was not trusted, or answered something it will not pass on), the body is an RFC 9457
 * problem document and this header names the problem. CMS's own headers never reach the browser
 * except through an allow-list that leaves this one out, so a CMS cannot pose as the proxy.
 */
export const PROXY_PROBLEM_HEADER = 'X-Studio-Problem';
export const PROXY_PROBLEM_TYPE = 'application/problem+json';

export const proxyProblemKinds = [
  /** the proxy refused the request itself (guards, limits, malformed) */
  'refused',
  /** no TCP/TLS connection to CMS: refused, unknown name, unreachable network */
  'cms-unreachable',
  /** CMS's certificate is not signed by a trusted CA (or is self-signed) */
  'cms-untrusted',
  /** CMS's certificate is trusted but names another host */
  'cms-hostname',
  /** CMS's certificate has expired or is not yet valid */
  'cms-certificate-expired',
  /** the TLS handshake failed for another reason (not TLS on that port, protocol mismatch) */
  'cms-tls',
  /** CMS sent no answer, or stopped sending, within the timeout */
  'cms-timeout',
  /** CMS's answer did not complete within the overall deadline */
  'cms-deadline',
  /** CMS's answer is larger than the proxy accepts */
  'cms-too-large',
  /** CMS answered with a redirect, which the proxy never follows */
  'cms-redirect',
  /** CMS broke off its answer or sent something that is not HTTP */
  'cms-broken-answer',
  /** the proxy itself failed */
  'proxy-failed',
] as const;

export const proxyProblemKindSchema = z.enum(proxyProblemKinds);
export type ProxyProblemKind = z.infer<typeof proxyProblemKindSchema>;

export const proxyProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  /** one plain sentence (or two) saying what happened and what fixes it */
  detail: z.string(),
  kind: proxyProblemKindSchema,
});
export type ProxyProblem = z.infer<typeof proxyProblemSchema>;

const TITLES: Record<ProxyProblemKind, string> = {
  refused: 'Refused by the studio proxy',
  'cms-unreachable': 'CMS is unreachable',
  'cms-untrusted': 'CMS certificate is not trusted',
  'cms-hostname': 'CMS certificate names another host',
  'cms-certificate-expired': 'CMS certificate is not valid now',
  'cms-tls': 'TLS with CMS failed',
  'cms-timeout': 'CMS did not answer in time',
  'cms-deadline': 'CMS answer took too long',
  'cms-too-large': 'CMS answer is too large',
  'cms-redirect': 'CMS answered with a redirect',
  'cms-broken-answer': 'CMS broke off its answer',
  'proxy-failed': 'The studio proxy failed',
};

export function proxyProblem(kind: ProxyProblemKind, status: number, detail: string): ProxyProblem {
  return { type: `urn:cms-access-studio:problem:${kind}`, title: TITLES[kind], status, detail, kind };
}

/** Problems that mean no request reaches CMS at all: the connection indicator turns red for these. */
export function cmsIsDown(kind: ProxyProblemKind): boolean {
  return kind === 'cms-unreachable' || kind === 'cms-untrusted' || kind === 'cms-hostname' || kind === 'cms-certificate-expired' || kind === 'cms-tls';
}

/** Reads a proxy problem from an answer's header and body; undefined when the answer did not come from the proxy. */
export function readProxyProblem(headerValue: string | null, status: number, body: string): ProxyProblem | undefined {
  const kind = proxyProblemKindSchema.safeParse(headerValue?.trim());
  if (!kind.success) return undefined;
  try {
    const parsed = proxyProblemSchema.safeParse(JSON.parse(body));
    if (parsed.success && parsed.data.kind === kind.data) return parsed.data;
  } catch {
    // the header alone still says what happened
  }
  return proxyProblem(kind.data, status, `${TITLES[kind.data]}.`);
}
