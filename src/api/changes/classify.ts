import { CmsError } from '../transport/errors';

/**
 * How a write ended, from what the client threw: refused when CMS answered 4xx to the only send
 * (CMS changed nothing), unknown otherwise: no answer (reset, timeout, the tab's own abort), 5xx,
 * 503, a 2xx the studio cannot read, or a 4xx to a resend (the first send may have applied it).
 */
export function outcomeOfFailure(error: unknown): 'refused' | 'unknown' {
  if (!(error instanceof CmsError)) return 'unknown';
  const { status, attempts = 1 } = error;
  return status !== undefined && status >= 400 && status < 500 && attempts <= 1 ? 'refused' : 'unknown';
}

/** The failure in words for the journal and the screens, never with credentials (CmsError carries none). */
export function failureText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
