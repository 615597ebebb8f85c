import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessLog } from '../access-log';
import type { Target } from '../config';
import { createJournalAccess } from './access';
import type { JournalConfig } from './config';
import { openJournalStore } from './open-store';
import { createJournalRoutes } from './routes';

export interface JournalService {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** resolves with where the journal lives once its schema is up to date; rejects when it cannot open */
  ready: Promise<string>;
  close(): Promise<void>;
}

/** The journal as the proxy mounts it: the configured store, the server-decided identity, the HTTP routes. */
export function createJournalService(options: {
  config: JournalConfig;
  targets: Target[] | null;
  timeoutMs: number;
  requestedBy: string;
  accessLog: AccessLog;
}): JournalService {
  const store = openJournalStore(options.config);
  const handle = createJournalRoutes({
    store,
    identify: createJournalAccess({ targets: options.targets, timeoutMs: options.timeoutMs }),
    requestedBy: options.requestedBy,
    log: (entry) => options.accessLog.log(entry),
  });
  return {
    handle: (req, res) => void handle(req, res),
    ready: store.then((s) => s.description),
    close: () => store.then((s) => s.close()).catch(() => undefined),
  };
}
