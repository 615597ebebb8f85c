import type { BasicCredentials } from '../../api/transport/credentials';
import { activeTarget, type StudioConnection } from '../../api/transport/studio-connection';
import type { PlannedScan } from './scan-session';

/** The cluster the server files this tab's records under: the picked target, the first one, or `mock`. */
export function clusterOf(connection: StudioConnection, picked: string | undefined): string {
  return connection.mode === 'mock' ? 'mock' : (activeTarget(connection, picked)?.name ?? 'default');
}

export interface SessionView {
  target: string | undefined;
  credentials: BasicCredentials | undefined;
}

/**
 * What a scan of `scope` runs from this tab: the session's cluster, or every configured one. A
 * cluster whose credentials the sign-in form supplies can only be scanned while signed in to it.
 */
export function planScans(connection: StudioConnection, session: SessionView, scope: 'this' | 'every'): PlannedScan[] {
  if (connection.mode === 'mock') return [{ cluster: 'mock', job: { target: undefined } }];
  const current = clusterOf(connection, session.target);
  const targets = connection.targets.length > 0 ? connection.targets : [activeTarget(connection, undefined)!];
  const wanted = scope === 'every' ? targets : targets.filter((t) => t.name === current);
  return wanted.map((target): PlannedScan => {
    const isCurrent = target.name === current;
    const job = { target: isCurrent ? session.target : target.name };
    if (target.credentials === 'server') return { cluster: target.name, job };
    if (isCurrent && session.credentials) return { cluster: target.name, job: { ...job, credentials: session.credentials } };
    return { cluster: target.name, skipped: isCurrent ? 'Sign in to CMS to scan this cluster.' : `Sign in to ${target.name} (pick it at the top) to scan it.` };
  });
}
