import { describeFailure } from '../wire/failure-reasons';
import type { ProxyProblem } from '../wire/proxy-problem';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type CmsErrorKind =
  | 'unauthorized'
  | 'notFound'
  | 'busy'
  | 'timeout'
  | 'network'
  | 'badResponse'
  | 'aborted'
  | 'http'
  /** the studio's proxy answered instead of CMS; `problem` says why */
  | 'proxy'
  /** an answer that broke off after it had begun: CMS may have acted on the request */
  | 'truncated';

/** One entry of `<failureDetails>`: `<coSpaceDoesNotExist/>` or `<parameterError parameter="…" error="…"/>`. */
export type CmsFailure = { code: string; parameter?: string; error?: string };

export interface CmsErrorInit {
  kind: CmsErrorKind;
  method: HttpMethod;
  /** The `/api/v1/...` path without query string; never a URL that could hold credentials. */
  path: string;
  status?: number;
  failures?: CmsFailure[];
  /** How many times the request was sent (busy). */
  attempts?: number;
  /** The limit that ran out (timeout). */
  timeoutMs?: number;
  /** What went wrong underneath (network, badResponse). */
  reason?: string;
  /** What the studio's proxy said (proxy). */
  problem?: ProxyProblem;
  /** Overrides the sentence built from the fields above. */
  message?: string;
  cause?: unknown;
}

export class CmsError extends Error {
  override readonly name = 'CmsError';
  readonly kind: CmsErrorKind;
  readonly status?: number;
  readonly failures: CmsFailure[];
  readonly method: HttpMethod;
  readonly path: string;
  readonly attempts?: number;
  readonly problem?: ProxyProblem;

  constructor(init: CmsErrorInit) {
    super(init.message ?? describeError(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.failures = init.failures ?? [];
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts;
    this.problem = init.problem;
  }

  /** The failure CMS reported against one form parameter, so a form can show it next to the field. */
  failureFor(parameter: string): CmsFailure | undefined {
    const wanted = parameter.toLowerCase();
    return this.failures.find((f) => f.parameter?.toLowerCase() === wanted);
  }
}

export function isCmsError(error: unknown): error is CmsError {
  return error instanceof CmsError;
}

/**
 * CMS said the object does not exist: a `<xDoesNotExist />` failure element (or `code` exactly),
 * whatever the status. CMS answers 404 for an unknown object on GET but 400 for a PUT or DELETE of
 * an unknown nested one (`<accessMethodDoesNotExist />`), and a 404 without that element (an
 * unknown path, a proxy's page) says nothing about the object.
 */
export function isNotFound(error: unknown, code?: string): error is CmsError {
  if (!(error instanceof CmsError)) return false;
  return error.failures.some((f) => (code === undefined ? f.code.endsWith('DoesNotExist') : f.code === code));
}

/** `failureFor` for a caught value of unknown type. */
export function failureFor(error: unknown, parameter: string): CmsFailure | undefined {
  return error instanceof CmsError ? error.failureFor(parameter) : undefined;
}

/**
 * Reads a `<failureDetails>` body. Error bodies are best effort: anything else (empty, HTML from
 * a proxy, another root) gives no failures rather than hiding the HTTP status behind a parse error.
 */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function describeCmsFailure(failure: CmsFailure): string {
  if (failure.code === 'parameterError' && failure.parameter !== undefined) {
    const why = failure.error === undefined ? '' : ` (${failure.error})`;
    return `The value for “${failure.parameter}” was refused by CMS${why}.`;
  }
  return sentence(describeFailure(failure.code));
}

function describeFailures(failures: CmsFailure[]): string {
  return failures.map(describeCmsFailure).join(' ');
}

function seconds(ms: number): string {
  return String(Number((ms / 1000).toFixed(3)));
}

function describeError(init: CmsErrorInit): string {
  const failures = init.failures ?? [];
  switch (init.kind) {
    case 'unauthorized':
      return 'CMS refused the user name or password.';
    case 'notFound':
      return failures.length > 0 ? describeFailures(failures) : `CMS has no such object or path (${init.path}).`;
    case 'busy': {
      const attempts = init.attempts ?? 1;
      return `CMS is busy (503) and still was after ${attempts} ${attempts === 1 ? 'attempt' : 'attempts'}; try again shortly.`;
    }
    case 'timeout':
      return init.timeoutMs === undefined ? 'CMS did not answer in time.' : `CMS did not answer within ${seconds(init.timeoutMs)} s.`;
    case 'network':
      return sentence(`Could not reach CMS: ${init.reason ?? 'the connection failed'}`);
    case 'badResponse':
      return sentence(`CMS answered with something that is not CMS XML: ${init.reason ?? 'unreadable answer'}`);
    case 'aborted':
      return `The request ${init.method} ${init.path} was cancelled.`;
    case 'proxy':
      return init.problem?.detail ?? `The studio's proxy answered HTTP ${init.status ?? '?'} to ${init.method} ${init.path}.`;
    case 'truncated': {
      const acted = init.method === 'GET' ? '' : ` CMS may have carried out the ${init.method}; read the object back before trying again.`;
      return `The answer to ${init.method} ${init.path} broke off before its end${init.reason ? ` (${init.reason})` : ''}.${acted}`;
    }
    case 'http':
      if (failures.length > 0) return describeFailures(failures);
      return init.status === undefined
        ? `CMS refused ${init.method} ${init.path}.`
        : `CMS answered HTTP ${init.status} to ${init.method} ${init.path}.`;
  }
}
