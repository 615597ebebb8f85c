import { beginRun, finishRun, recordIntent, recordOutcome, recordReconciliation, reopenRun } from '../resources/journal';
import type { FinalRunState, Reconciliation, RunOrigin, SpaceRef, WriteAnswer, WriteIntent } from '../wire/journal-contract';

/** What the change engine records; the studio server's journal (over HTTP) unless configured otherwise. */
export interface ChangeJournal {
  beginRun(origin: RunOrigin, title: string, spaces: SpaceRef[]): Promise<string>;
  /** must resolve before the write is sent; a rejection means the write is not sent */
  recordIntent(runId: string, intent: WriteIntent): Promise<unknown>;
  recordOutcome(runId: string, seq: number, answer: WriteAnswer): Promise<unknown>;
  recordReconciliation(runId: string, seq: number, reconciliation: Reconciliation): Promise<unknown>;
  finishRun(runId: string, state: FinalRunState): Promise<unknown>;
  reopenRun(runId: string): Promise<unknown>;
}

const serverJournal: ChangeJournal = {
  beginRun: (origin, title, spaces) => beginRun(origin, title, spaces),
  recordIntent: (runId, intent) => recordIntent(runId, intent),
  recordOutcome: (runId, seq, answer) => recordOutcome(runId, seq, answer),
  recordReconciliation: (runId, seq, reconciliation) => recordReconciliation(runId, seq, reconciliation),
  finishRun: (runId, state) => finishRun(runId, state),
  reopenRun: (runId) => reopenRun(runId),
};

let current: ChangeJournal = serverJournal;

/** The static demo (no server) and tests record elsewhere; no argument goes back to the server's journal. */
export function configureChangeJournal(journal?: ChangeJournal): void {
  current = journal ?? serverJournal;
}

export function changeJournal(): ChangeJournal {
  return current;
}
