import type { ProxyProblemKind } from '../src/api/wire/proxy-problem';
import type { ProxyLimits, Target } from './config';

/** What went wrong between the proxy and CMS, said so that the reader knows the fix. */
export class UpstreamError extends Error {
  constructor(
    readonly status: 502 | 504,
    readonly kind: ProxyProblemKind,
    message: string,
  ) {
    super(message);
  }
}

const UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
  'CERT_REJECTED',
]);
const NOT_VALID_NOW = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);

function codeOf(error: Error & { code?: string; cause?: unknown }): string {
  const cause = error.cause as { code?: string } | undefined;
  return error.code ?? cause?.code ?? '';
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** The names a certificate holds, from the peer certificate Node attaches to an altname error. */
function namesIn(error: Error & { cause?: unknown }): string {
  for (const candidate of [error, error.cause]) {
    if (typeof candidate !== 'object' || candidate === null || !('cert' in candidate)) continue;
    const cert = candidate.cert;
    if (typeof cert === 'object' && cert !== null && 'subjectaltname' in cert && typeof cert.subjectaltname === 'string') {
      return ` (it names ${cert.subjectaltname})`;
    }
  }
  return '';
}

function tlsProblem(code: string, error: Error, target: Target): UpstreamError | undefined {
  const where = `CMS at ${target.url}`;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    const host = new URL(target.url).hostname.replace(/^\[|\]$/g, '');
    return new UpstreamError(
      502,
      'cms-hostname',
      `The certificate of ${where} is signed by a trusted CA but does not name "${host}"${namesIn(error)}. ` +
        `Use in CMS_URL a host name the certificate names, or give CMS a certificate for "${host}"; the CA file cannot fix this.`,
    );
  }
  if (NOT_VALID_NOW.has(code)) {
    const when = code === 'CERT_HAS_EXPIRED' ? 'has expired' : 'is not valid yet';
    return new UpstreamError(
      502,
      'cms-certificate-expired',
      `The certificate of ${where} ${when} (${code}). Renew the certificate on CMS, or check this machine's clock.`,
    );
  }
  if (UNTRUSTED.has(code)) {
    const fix = target.caFile
      ? `It is not signed by a CA in ${target.caSetting} (${target.caFile}): put the CA that signed the CMS certificate (or that certificate itself) in that file.`
      : `Set ${target.caSetting} to the PEM of the CA that signed it (or to the self-signed certificate itself).`;
    return new UpstreamError(502, 'cms-untrusted', `The TLS certificate of ${where} is not trusted (${code}). ${fix}`);
  }
  if (/^ERR_SSL_|^ERR_TLS_|^EPROTO$/.test(code)) {
    const hint = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG/.test(code + error.message)
      ? ' Something that does not speak TLS answered on that port: check the scheme and port of CMS_URL (the CMS API listens on the web admin port, often 443 or 445).'
      : '';
    return new UpstreamError(502, 'cms-tls', `The TLS handshake with ${where} failed (${code}: ${error.message}).${hint}`);
  }
  return undefined;
}

/** Turns an undici or socket error into the 502/504 the browser sees, with a sentence that names the fix. */
export function describeUpstreamError(error: Error & { code?: string; cause?: unknown }, target: Target, limits: ProxyLimits): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const code = codeOf(error);
  const where = `CMS at ${target.url}`;
  const tls = tlsProblem(code, error, target);
  if (tls) return tls;
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return new UpstreamError(504, 'cms-timeout', `${where} did not answer within ${seconds(limits.timeoutMs)} (CMS_TIMEOUT_MS).`);
    case 'UND_ERR_BODY_TIMEOUT':
      return new UpstreamError(504, 'cms-timeout', `${where} stopped sending its answer for ${seconds(limits.timeoutMs)} (CMS_TIMEOUT_MS).`);
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return tooLarge(target, limits);
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new UpstreamError(502, 'cms-unreachable', `${where} did not accept a connection in time (${code}). Check CMS_URL and that CMS is up.`);
  }
  if (UNREACHABLE.has(code)) {
    return new UpstreamError(502, 'cms-unreachable', `Could not reach ${where} (${code}). Check CMS_URL and that CMS is up.`);
  }
  if (code.startsWith('HPE_') || error.name === 'HTTPParserError') {
    return new UpstreamError(502, 'cms-broken-answer', `${where} sent something that is not HTTP (${error.message}). Check the port of CMS_URL.`);
  }
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
    return new UpstreamError(502, 'cms-broken-answer', `${where} broke off its answer (${code}).`);
  }
  return new UpstreamError(502, 'cms-unreachable', `Could not reach ${where} (${code || error.message}). Check CMS_URL and that CMS is up.`);
}

export function tooLarge(target: Target, limits: ProxyLimits, declared?: number): UpstreamError {
  const size = declared === undefined ? 'more than' : `${declared.toLocaleString('en')} bytes, more than`;
  return new UpstreamError(
    502,
    'cms-too-large',
    `CMS at ${target.url} sent an answer of ${size} the ${limits.maxAnswerBytes.toLocaleString('en')} bytes the proxy passes on (CMS_MAX_ANSWER_BYTES); no CMS page is that large.`,
  );
}
