import { REQUESTED_BY, REQUESTED_BY_HEADER } from './requested-by';

export interface CurlRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** the full URL, query string included */
  url: string;
  /** the form fields as they may be shown (secrets already masked) */
  form?: Readonly<Record<string, string>>;
}

export interface CurlOptions {
  /** the studio's proxy refuses API calls without `X-Requested-By` */
  viaStudioProxy?: boolean;
}

/** Single-quotes for a POSIX shell: 'it'\''s'. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The one curl command the studio shows for a CMS request: `USER:PASSWORD` stands for the
 * credentials (never the real ones), the form is sent url-encoded as CMS takes it.
 */
export function curlCommand(request: CurlRequest, options: CurlOptions = {}): string {
  const parts = ['curl', '-sS'];
  if (request.method !== 'GET') parts.push('-X', request.method);
  parts.push('-u', shellQuote('USER:PASSWORD'));
  if (options.viaStudioProxy) parts.push('-H', shellQuote(`${REQUESTED_BY_HEADER}: ${REQUESTED_BY}`));
  if (request.form !== undefined) {
    parts.push('-H', shellQuote('Content-Type: application/x-www-form-urlencoded'));
    parts.push('--data-raw', shellQuote(new URLSearchParams(Object.entries(request.form)).toString()));
  }
  parts.push(shellQuote(request.url));
  return parts.join(' ');
}
