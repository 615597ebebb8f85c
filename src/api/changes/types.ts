import type { Operation } from '../resources/operations';
import type { WriteMethod } from '../resources/operation-facts';
import type { CmsError } from '../transport/errors';
import type { FieldValues, RunOrigin, RunState, SpaceRef } from '../wire/journal-contract';

/** One write of a run: a typed operation, the key screens know it by, and the ref its POST's id is kept under. */
export interface ChangeStep {
  /** stable within a run: 'guestProfile', 'space', 'member:user1@…' */
  key: string;
  /** plain words: "Create the host call leg profile" */
  title: string;
  operation: Operation;
  /** POST: later operations name the new object `{ ref: creates }` */
  creates?: string;
}

/** What a screen asks the engine to do: its writes in order, and what the journal records about the run. */
export interface ChangePlan {
  /** which wizard or page started it */
  origin: RunOrigin;
  title: string;
  /** the spaces it touches that exist already (a space the run creates is added once CMS names it) */
  spaces?: SpaceRef[];
  steps: ChangeStep[];
  /** refs whose ids are known before the run (objects it reuses) */
  ids?: Record<string, string>;
}

export type WritePhase = 'forward' | 'rollback';

/** The read that settled a write whose answer was lost. */
export interface Settled {
  verdict: 'took-effect' | 'did-not-take-effect';
  /** a POST that took effect: the id of what it created */
  id?: string;
  /** GET path (under /api/v1) and query of the read */
  path: string;
  query?: Record<string, string>;
  status: number;
  observed: FieldValues | null;
  /** in plain words: "the space with URI guest.space exists (id …)" */
  summary: string;
}

/** One write the engine sent (or was about to send), with CMS's answer and, when that was lost, the read that settled it. */
export interface SentWrite {
  /** its number in the journal */
  seq: number;
  phase: WritePhase;
  key: string;
  title: string;
  /** as sent: refs filled in with the ids CMS gave */
  operation: Operation;
  method: WriteMethod;
  /** under /api/v1 */
  path: string;
  /** applied: 2xx. refused: 4xx, nothing changed. unknown: no answer, 5xx, 503, timeout */
  outcome: 'applied' | 'refused' | 'unknown';
  status?: number;
  error?: CmsError;
  /** an unknown write: what the read found */
  settled?: Settled;
  /** an unknown write that no read could settle: why */
  unsettled?: string;
  /** a POST that took effect: the new object's id */
  createdId?: string;
  /** the values of the object before (PUT: the fields sent; DELETE: the object as read; POST: none) */
  before: FieldValues | null;
  /** a POST without unique attributes: the ids its collection held just before it was sent */
  idsBefore?: string[];
  /** a rollback write: the seq of the forward write it undoes */
  undoes?: number;
  durationMs: number;
}

/** Why a run stopped before its last step. */
export type RunStop =
  /** CMS refused a write (4xx): it changed nothing */
  | { reason: 'refused'; key: string; write: SentWrite }
  /** a write's answer was lost and no read could tell whether it took effect */
  | { reason: 'unknown'; key: string; write: SentWrite }
  /** a write's answer was lost and reads showed it did not take effect, also after sending it again */
  | { reason: 'not-applied'; key: string; write: SentWrite }
  /** the write was not sent: CMS would refuse it, or the read it needs first failed */
  | { reason: 'not-sent'; key: string; error: CmsError }
  /** the journal could not record the write, so it was not sent (or CMS's answer, so nothing more was sent) */
  | { reason: 'journal'; key?: string; message: string };

/** Everything the engine knows about one run: the plan, what was sent, how each write ended. */
export interface ChangeLedger {
  /** the journal's id for the run; undefined when the journal could not start it */
  runId?: string;
  plan: ChangePlan;
  /** ref → id: the plan's known ids and every object the run created */
  refs: Record<string, string>;
  /** every write sent, forward and rollback, in order */
  writes: SentWrite[];
  /** index in plan.steps of the first step not yet applied */
  next: number;
  stop?: RunStop;
  /** the run's state as the journal holds it */
  state: RunState;
  /** what the journal could not record (the run went on or stopped; CMS is as the writes say) */
  journalProblems: string[];
}

/** What a write is doing or how it ended, for progress lists. */
export type WriteStatus =
  | 'sending'
  | 'reading'
  | 'applied'
  | 'refused'
  | 'took-effect'
  | 'did-not-take-effect'
  | 'unknown'
  | 'not-sent';

export interface ChangeEvent {
  phase: WritePhase;
  key: string;
  status: WriteStatus;
  ledger: ChangeLedger;
}

export interface ChangeOptions {
  onProgress?: (event: ChangeEvent) => void;
  signal?: AbortSignal;
  /** how often a write that reads proved not applied is sent again before the run stops (default 2) */
  resends?: number;
  /** the wait before such a resend, doubled each time (default 250 ms) */
  resendDelayMs?: number;
}
