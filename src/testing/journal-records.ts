import type { MemoryRun } from '../api/changes/memory-journal';
import { journalWriteSchema, type JournalWrite } from '../api/wire/journal-contract';

/** A run of the in-memory journal as the studio's journal serves its writes (passcodes revealed). */
export function journalWritesOf(run: MemoryRun): JournalWrite[] {
  const at = '2026-12-01T09:00:00.000Z';
  return run.writes.map(({ intent, answer, reconciliation }) => {
    const objectId = reconciliation?.objectId ?? answer?.objectId ?? intent.objectId;
    return journalWriteSchema.parse({
      ...intent,
      phase: intent.phase ?? 'forward',
      form: intent.form ?? {},
      outcome: answer?.outcome ?? 'pending',
      failures: answer?.failures ?? [],
      ...(answer?.status === undefined ? {} : { status: answer.status }),
      ...(objectId === undefined ? {} : { objectId }),
      sentAt: at,
      ...(reconciliation ? { reconciliation: { ...reconciliation, at } } : {}),
    });
  });
}
