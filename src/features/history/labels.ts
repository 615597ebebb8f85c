import type { JournalRun, JournalWrite, RunState } from '../../api/wire/journal-contract';
import { writeEffect } from '../../api/wire/journal-contract';

type ChipColor = 'default' | 'success' | 'error' | 'warning' | 'info';

export const STATE_LABELS: Record<RunState, { label: string; color: ChipColor; hint: string }> = {
  running: { label: 'Running', color: 'info', hint: 'Writes may still be added.' },
  applied: { label: 'Applied', color: 'success', hint: 'Every write took effect.' },
  refused: { label: 'Refused', color: 'default', hint: 'CMS refused a write; nothing of this run is left in CMS.' },
  'partially-applied': { label: 'Partly applied', color: 'warning', hint: 'Some writes took effect and were kept.' },
  unknown: { label: 'Outcome unknown', color: 'warning', hint: 'A write’s effect is not proven either way: read CMS before relying on it.' },
  'rolled-back': { label: 'Rolled back', color: 'default', hint: 'Reads proved CMS is as it was before the run.' },
  'rollback-incomplete': { label: 'Rollback incomplete', color: 'error', hint: 'A rollback write failed: CMS differs from before the run.' },
};

/** A running run that has been quiet this long was most likely abandoned (a closed tab). */
const QUIET_MS = 10 * 60_000;

export function isAbandoned(run: Pick<JournalRun, 'state' | 'updatedAt'>, now = Date.now()): boolean {
  return run.state === 'running' && now - Date.parse(run.updatedAt) > QUIET_MS;
}

export function originLabel(run: Pick<JournalRun, 'origin'>): string {
  const { kind, name } = run.origin;
  const kinds = { wizard: 'Wizard', page: 'Page', undo: 'Undo', batch: 'Batch' } as const;
  return `${kinds[kind]}: ${name}`;
}

/** What a write did, in words: CMS's answer, and for a lost answer what the reconciling read proved. */
export function writeResult(write: JournalWrite): { label: string; color: ChipColor } {
  const status = write.status === undefined ? '' : ` (${write.status})`;
  switch (write.outcome) {
    case 'applied':
      return { label: `Applied${status}`, color: 'success' };
    case 'refused':
      return { label: `Refused${status}`, color: 'default' };
    case 'pending':
      return write.reconciliation
        ? { label: writeEffect(write) === 'applied' ? 'No answer recorded; a read proved it took effect' : 'No answer recorded; a read proved it did not take effect', color: 'warning' }
        : { label: 'No answer recorded: the tab stopped before CMS answered', color: 'warning' };
    case 'unknown':
      if (!write.reconciliation) return { label: `Answer lost${status}: not reconciled yet`, color: 'error' };
      return writeEffect(write) === 'applied'
        ? { label: `Answer lost${status}; a read proved it took effect`, color: 'warning' }
        : { label: `Answer lost${status}; a read proved it did not take effect`, color: 'default' };
  }
}

export function formatTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return `${date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })} ${date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`;
}
