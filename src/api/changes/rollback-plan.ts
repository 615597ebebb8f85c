import { wireForm } from '../resources/operation-facts';
import { objectPathOf } from './cms-reads';
import { createdIdOf, effectOf } from './effects';
import type { ChangeLedger, SentWrite } from './types';

/** A forward write that took effect, with the object it created (a POST) as a path. */
export interface Undoable {
  write: SentWrite;
  created?: { id: string; path: string };
}

/** Forward writes that took effect and no rollback write has undone yet, oldest first. */
export function stillToUndo(ledger: ChangeLedger): Undoable[] {
  const undone = new Set(ledger.writes.filter((w) => w.phase === 'rollback' && w.undoes !== undefined && effectOf(w) === 'applied').map((w) => w.undoes));
  return ledger.writes
    .filter((w) => w.phase === 'forward' && effectOf(w) === 'applied' && !undone.has(w.seq))
    .map((write) => {
      const id = write.method === 'POST' ? createdIdOf(write) : undefined;
      return id === undefined ? { write } : { write, created: { id, path: objectPathOf(write.operation, id) } };
    });
}

/** Every object a forward write created that reads have not shown gone: their paths, for "inside a created object". */
export function createdPaths(ledger: ChangeLedger): string[] {
  return ledger.writes.flatMap((w) => {
    const id = w.phase === 'forward' && w.method === 'POST' && effectOf(w) === 'applied' ? createdIdOf(w) : undefined;
    return id === undefined ? [] : [objectPathOf(w.operation, id).toLowerCase()];
  });
}

/** The created object `path` lies inside (an access method of a space the run created), if any. */
export function parentAmong(path: string, created: readonly string[]): string | undefined {
  const lower = path.toLowerCase();
  return created.find((parent) => lower !== parent && lower.startsWith(`${parent}/`));
}

/** Whether a write's form names `id` (a space's callLegProfile = the profile the run created). */
export function refersTo(write: SentWrite, id: string): boolean {
  const wanted = id.toLowerCase();
  return Object.values(wireForm(write.operation)).some((value) => value.toLowerCase() === wanted);
}
