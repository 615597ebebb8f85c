import type { IncomingMessage, ServerResponse } from 'node:http';
import { SCANS_PREFIX } from '../../src/api/wire/scan-contract';
import type { AccessLog } from '../access-log';
import type { Target } from '../config';
import { createJournalAccess } from './access';
import type { JournalConfig } from './config';
import { openStudioDatabase } from './open-store';
import { createJournalRoutes } from './routes';
import { createScanRoutes } from './scan-routes';

export interface JournalService {
  /** /studio/journal/… and /studio/scans… */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** resolves with where the journal lives once its schema is up to date; rejects when it cannot open */
  ready: Promise<string>;
  close(): Promise<void>;
}

/** True for the paths the service answers: the journal's and the scans'. */
export const isScansPath = (url: string) => url === SCANS_PREFIX || url.startsWith(`${SCANS_PREFIX}/`) || url.startsWith(`${SCANS_PREFIX}?`);

/** The journal and the scans as the proxy mounts them: one database, the server-decided identity, the HTTP routes. */
export function createJournalService(options: {
  config: JournalConfig;
  targets: Target[] | null;
  timeoutMs: number;
  requestedBy: string;
  accessLog: AccessLog;
}): JournalService {
  const database = openStudioDatabase(options.config);
  const shared = {
    identify: createJournalAccess({ targets: options.targets, timeoutMs: options.timeoutMs }),
    requestedBy: options.requestedBy,
    log: (entry: Parameters<AccessLog['log']>[0]) => options.accessLog.log(entry),
  };
  const journal = createJournalRoutes({ ...shared, store: database.then((d) => d.journal) });
  const scans = createScanRoutes({ ...shared, store: database.then((d) => d.scans) });
  return {
    handle: (req, res) => void (isScansPath(req.url ?? '') ? scans(req, res) : journal(req, res)),
    ready: database.then((d) => d.description),
    close: () => database.then((d) => d.close()).catch(() => undefined),
  };
}
