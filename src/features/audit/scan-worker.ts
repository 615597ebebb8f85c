import { sessionCredentials, sessionTarget } from '../../api/transport/session';
import { runScan } from '../../domain/fleet-audit/run-scan';
import type { WorkerCommand, WorkerReply } from './scan-runner';

/** The scan's own thread: it talks to the cluster and with the credentials the page handed it, in memory only. */
const controller = new AbortController();
const reply = (message: WorkerReply) => self.postMessage(message);

self.addEventListener('message', (event: MessageEvent<WorkerCommand>) => {
  const command = event.data;
  if (command.kind === 'cancel') {
    controller.abort();
    return;
  }
  const { job } = command;
  sessionTarget.set(job.target);
  if (job.credentials) sessionCredentials.set(job.credentials);
  runScan({ ...(job.resume ? { resume: job.resume } : {}), signal: controller.signal, onEvent: (scanEvent) => reply({ kind: 'event', event: scanEvent }) }).then(
    () => reply({ kind: 'done' }),
    (error: unknown) => reply({ kind: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
