import {
  finalRunStateSchema,
  newRunSchema,
  reconciliationSchema,
  writeAnswerSchema,
  writeIntentSchema,
  type FinalRunState,
  type Reconciliation,
  type RunOrigin,
  type SpaceRef,
  type WriteAnswer,
  type WriteIntent,
} from '../wire/journal-contract';
import type { ChangeJournal } from './journal-port';

export interface MemoryRun {
  id: string;
  origin: RunOrigin;
  title: string;
  spaces: SpaceRef[];
  state: 'running' | FinalRunState;
  writes: Array<{ intent: WriteIntent; answer?: WriteAnswer; reconciliation?: Reconciliation }>;
}

export interface MemoryJournal extends ChangeJournal {
  readonly runs: MemoryRun[];
  /** from now on every call rejects as an unreachable journal would (true), or works again (false) */
  setUnavailable(unavailable: boolean): void;
}

/**
 * A journal held in this tab's memory, checked against the journal's contract like the server checks
 * it: for the static demo, which has no server, and for tests of screens.
 */
export function createMemoryJournal(): MemoryJournal {
  const runs: MemoryRun[] = [];
  let unavailable = false;
  let counter = 0;
  const find = (runId: string) => {
    if (unavailable) throw new Error('The change journal could not be reached.');
    const run = runs.find((r) => r.id === runId);
    if (!run) throw new Error(`The change journal has no run ${runId}.`);
    return run;
  };
  const write = (runId: string, seq: number) => {
    const entry = find(runId).writes.find((w) => w.intent.seq === seq);
    if (!entry) throw new Error(`Run ${runId} has no write ${seq}.`);
    return entry;
  };
  return {
    runs,
    setUnavailable: (value) => {
      unavailable = value;
    },
    async beginRun(origin, title, spaces) {
      if (unavailable) throw new Error('The change journal could not be reached.');
      counter += 1;
      const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
      const run = newRunSchema.parse({ id, origin, title, spaces });
      runs.push({ id, origin: run.origin, title: run.title, spaces: run.spaces, state: 'running', writes: [] });
      return id;
    },
    async recordIntent(runId, intent) {
      const run = find(runId);
      if (run.state !== 'running') throw new Error(`Run ${runId} is finished.`);
      writeIntentSchema.parse(intent);
      run.writes.push({ intent });
    },
    async recordOutcome(runId, seq, answer) {
      write(runId, seq).answer = writeAnswerSchema.parse(answer);
    },
    async recordReconciliation(runId, seq, reconciliation) {
      write(runId, seq).reconciliation = reconciliationSchema.parse(reconciliation);
    },
    async finishRun(runId, state) {
      find(runId).state = finalRunStateSchema.parse(state);
    },
    async reopenRun(runId) {
      find(runId).state = 'running';
    },
  };
}
