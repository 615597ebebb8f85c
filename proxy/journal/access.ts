import { createHash } from 'node:crypto';
import { Agent, request } from 'undici';
import type { Target } from '../config';
import type { Recorder } from './store';

export type AccessVerdict = { ok: true; recorder: Recorder } | { ok: false; status: 400 | 401 | 502; code: 'invalid' | 'unauthorized' | 'unavailable'; message: string };

/** Asks the cluster whether it accepts these Basic credentials: 'accepted', 'refused', or throws when it cannot tell. */
export type CredentialCheck = (target: Target, authorization: string) => Promise<'accepted' | 'refused'>;

export interface JournalAccessOptions {
  targets: Target[] | null;
  timeoutMs: number;
  /** how long a verdict is trusted (default 60 s) */
  ttlMs?: number;
  now?: () => number;
  check?: CredentialCheck;
}

const TARGET_HEADER = 'x-cms-target';
const MAX_VERDICTS = 1000;

function basicUser(authorization: string | undefined): string | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon > 0 ? decoded.slice(0, colon) : undefined;
}

/** A cheap authenticated GET on the cluster itself: CMS answers /api/v1/system/status to any API user. */
export function cmsCredentialCheck(timeoutMs: number): CredentialCheck {
  const agents = new Map<string, Agent>();
  return async (target, authorization) => {
    let agent = agents.get(target.name);
    if (!agent) {
      agent = new Agent({
        connect: { rejectUnauthorized: !target.insecureTls, ...(target.ca ? { ca: target.ca } : {}), timeout: Math.min(timeoutMs, 10_000) },
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
      agents.set(target.name, agent);
    }
    const response = await request(`${target.url}/api/v1/system/status`, { dispatcher: agent, headers: { authorization, accept: 'text/xml' } });
    await response.body.dump();
    if (response.statusCode >= 200 && response.statusCode < 300) return 'accepted';
    if (response.statusCode === 401 || response.statusCode === 403) return 'refused';
    throw new Error(`CMS answered ${response.statusCode} to the credentials check`);
  };
}

/**
 * Who records or reads the journal, decided by the server: the cluster the request names (or the
 * default, or `mock`) and the configured CMS user, or in sign-in mode the Basic user of the request,
 * once CMS has accepted those credentials. Verdicts are cached briefly under a hash, never the password.
 */
export function createJournalAccess(options: JournalAccessOptions) {
  const ttlMs = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  const check = options.check ?? cmsCredentialCheck(options.timeoutMs);
  const verdicts = new Map<string, { accepted: boolean; expires: number }>();
  const inFlight = new Map<string, Promise<boolean>>();

  async function accepted(target: Target, authorization: string): Promise<boolean> {
    const key = createHash('sha256').update(`${target.name}\n${authorization}`).digest('hex');
    const cached = verdicts.get(key);
    if (cached && cached.expires > now()) return cached.accepted;
    const pending =
      inFlight.get(key) ??
      check(target, authorization)
        .then((verdict) => {
          if (verdicts.size >= MAX_VERDICTS) verdicts.delete(verdicts.keys().next().value!);
          verdicts.set(key, { accepted: verdict === 'accepted', expires: now() + ttlMs });
          return verdict === 'accepted';
        })
        .finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
    return pending;
  }

  return async function identify(headers: { authorization?: string; [TARGET_HEADER]?: string | string[] }): Promise<AccessVerdict> {
    if (options.targets === null) return { ok: true, recorder: { cluster: 'mock', cmsUser: 'mock' } };
    const wanted = headers[TARGET_HEADER];
    const target = wanted === undefined ? options.targets[0] : options.targets.find((t) => t.name === wanted);
    if (!target) return { ok: false, status: 400, code: 'invalid', message: `Unknown CMS target "${String(wanted)}".` };
    if (target.credentials) return { ok: true, recorder: { cluster: target.name, cmsUser: target.credentials.user } };
    const user = basicUser(headers.authorization);
    if (!user || !headers.authorization) return { ok: false, status: 401, code: 'unauthorized', message: 'Sign in to CMS to read or record the change journal.' };
    try {
      if (await accepted(target, headers.authorization)) return { ok: true, recorder: { cluster: target.name, cmsUser: user } };
      return { ok: false, status: 401, code: 'unauthorized', message: `CMS at ${target.url} does not accept these credentials.` };
    } catch (error) {
      return {
        ok: false,
        status: 502,
        code: 'unavailable',
        message: `Could not check the credentials with CMS at ${target.url} (${error instanceof Error ? error.message : String(error)}).`,
      };
    }
  };
}

export type JournalIdentify = ReturnType<typeof createJournalAccess>;
