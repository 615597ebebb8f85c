import { z } from 'zod';
import { beforeOf, targetOf, wireForm, withIds } from '../resources/operation-facts';
import { checkOperation, runOperation } from '../resources/run-operation';
import { apiPath } from '../transport/client';
import { CmsError } from '../transport/errors';
import type { FieldValues, FinalRunState } from '../wire/journal-contract';
import { objectPathOf, readObject } from './cms-reads';
import { failureText, outcomeOfFailure } from './classify';
import { observedValues } from './compare';
import { createdIdOf, effectOf, fieldValues, objectIdOf, runStateOf, spaceIdOf } from './effects';
import { changeJournal, type ChangeJournal } from './journal-port';
import { needsIdsBefore, readIdsBefore, settle } from './reconcile';
import type { ChangeLedger, ChangeOptions, ChangePlan, ChangeStep, RunStop, SentWrite, Settled, WritePhase, WriteStatus } from './types';
import type { Operation } from '../resources/operations';

/** A write that did not take effect, or whose effect is unknown: the run stops here. */
export class ChangeStopped extends Error {
  override readonly name = 'ChangeStopped';
  constructor(
    readonly stop: RunStop,
    readonly ledger: ChangeLedger,
  ) {
    super(stopSentence(stop));
  }
}

export function stopSentence(stop: RunStop): string {
  switch (stop.reason) {
    case 'refused':
      return stop.write.error?.message ?? 'CMS refused it.';
    case 'unknown':
      return `CMS's answer was lost (${stop.write.error ? failureText(stop.write.error) : 'no answer'}) and a read could not tell whether it took effect: ${stop.write.unsettled ?? 'the read failed'}`;
    case 'not-applied':
      return `CMS's answer was lost (${stop.write.error ? failureText(stop.write.error) : 'no answer'}); a read showed it did not take effect, also after sending it again. Nothing after it was sent.`;
    case 'not-sent':
      return stop.error.message;
    case 'journal':
      return stop.message;
  }
}

/** Extra facts of a rollback write. */
interface WriteContext {
  undoes?: number;
  /** the object's values before this write, when the engine knows them without a read */
  before?: FieldValues | null;
}

type Attempt = { write: SentWrite } | { stop: RunStop };

/** The operation as the journal stores it: plain JSON (refs are objects, every value a string, number or boolean). */
const asJson = (op: Operation) => z.json().parse(JSON.parse(JSON.stringify(op)));

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One journaled run: writes are recorded before they are sent and after CMS answers; a lost answer
 * is settled by a read before anything else. `ChangeRun.begin` starts one, `send` sends a step,
 * `finish` records its final state. `applyChanges` and `rollbackChanges` are built on it.
 */
export class ChangeRun {
  private readonly journal: ChangeJournal = changeJournal();
  private seq: number;
  /** the journal failed to record an answer: no further write may be sent */
  private journalBroken = false;

  private constructor(
    private ledger: ChangeLedger,
    private readonly options: ChangeOptions,
  ) {
    this.seq = ledger.writes.reduce((max, w) => Math.max(max, w.seq), 0);
  }

  /** Starts a run in the journal; when the journal cannot, the run is stopped before any write. */
  static async begin(plan: ChangePlan, options: ChangeOptions = {}): Promise<ChangeRun> {
    const ledger: ChangeLedger = { plan, refs: { ...plan.ids }, writes: [], next: 0, state: 'running', journalProblems: [] };
    try {
      // The journal keeps titles to 200 characters; a long mapping or name must not stop the run.
      ledger.runId = await changeJournal().beginRun(plan.origin, plan.title.slice(0, 200), plan.spaces ?? []);
    } catch (error) {
      ledger.stop = { reason: 'journal', message: `The change journal could not start this run, so nothing was sent to CMS: ${failureText(error)}` };
      ledger.state = 'refused';
    }
    return new ChangeRun(ledger, options);
  }

  /** Takes up a run that finished (stopped, or to roll back): the journal reopens it for more writes. */
  static async resume(ledger: ChangeLedger, options: ChangeOptions = {}): Promise<ChangeRun> {
    const run = new ChangeRun({ ...ledger, writes: [...ledger.writes], refs: { ...ledger.refs }, journalProblems: [...ledger.journalProblems] }, options);
    const { runId } = ledger;
    if (runId === undefined) return run;
    if (ledger.state !== 'running') {
      try {
        await run.journal.reopenRun(runId);
        run.ledger.state = 'running';
      } catch (error) {
        run.ledger.stop = { reason: 'journal', message: `The change journal could not take this run up again, so nothing was sent to CMS: ${failureText(error)}` };
      }
    }
    return run;
  }

  snapshot(): ChangeLedger {
    return { ...this.ledger, writes: [...this.ledger.writes], refs: { ...this.ledger.refs }, journalProblems: [...this.ledger.journalProblems] };
  }

  /** Stopped before any write could be recorded. */
  get blocked(): Extract<RunStop, { reason: 'journal' }> | undefined {
    const { stop } = this.ledger;
    return stop?.reason === 'journal' ? stop : undefined;
  }

  update(change: Partial<ChangeLedger>): void {
    this.ledger = { ...this.ledger, ...change };
  }

  private emit(phase: WritePhase, key: string, status: WriteStatus): void {
    try {
      this.options.onProgress?.({ phase, key, status, ledger: this.snapshot() });
    } catch {
      // a broken progress listener must not stop a half-applied run
    }
  }

  private journalProblem(what: string, error: unknown): void {
    this.ledger.journalProblems = [...this.ledger.journalProblems, `The change journal could not record ${what}: ${failureText(error)}`];
  }

  /**
   * Sends a step and, while reads prove it did not take effect, again (a few times, with a pause).
   * Answers the write once CMS holds it, or why the run stops; never throws.
   */
  async sendStep(step: ChangeStep, phase: WritePhase, context: WriteContext = {}): Promise<Attempt> {
    const resends = this.options.resends ?? 2;
    for (let sent = 0; ; sent++) {
      const attempt = await this.attempt(step, phase, context);
      if ('stop' in attempt) return attempt;
      const { write } = attempt;
      const effect = effectOf(write);
      if (effect === 'applied') {
        const id = createdIdOf(write);
        if (step.creates && id !== undefined) this.ledger.refs = { ...this.ledger.refs, [step.creates]: id };
        return attempt;
      }
      // Only a read that proved the write did not take effect allows sending it again.
      if (effect === 'not-applied' && write.outcome === 'unknown' && sent < resends) {
        await wait((this.options.resendDelayMs ?? 250) * 2 ** sent);
        continue;
      }
      const reason = write.outcome === 'refused' ? 'refused' : effect === 'not-applied' ? 'not-applied' : 'unknown';
      return { stop: { reason, key: step.key, write } };
    }
  }

  /** `sendStep` for a forward step of a custom flow: answers the write CMS holds, throws the CmsError of a refusal or `ChangeStopped`. */
  async send(step: ChangeStep): Promise<SentWrite> {
    if (this.ledger.stop?.reason === 'journal') throw new ChangeStopped(this.ledger.stop, this.snapshot());
    const attempt = await this.sendStep(step, 'forward');
    if ('write' in attempt) return attempt.write;
    this.ledger.stop = attempt.stop;
    if (attempt.stop.reason === 'refused' && attempt.stop.write.error) throw attempt.stop.write.error;
    if (attempt.stop.reason === 'not-sent') throw attempt.stop.error;
    throw new ChangeStopped(attempt.stop, this.snapshot());
  }

  /** What the journal stores as the object's values before a write. */
  private async valuesBefore(op: Operation, context: WriteContext): Promise<FieldValues | null> {
    if (context.before !== undefined) return context.before;
    const { method } = targetOf(op);
    if (method === 'POST') return null;
    if (method === 'PUT') return fieldValues(beforeOf(op) ?? {});
    // A DELETE: the object as it is, so the journal can tell later what was removed.
    const { fields } = await readObject(objectPathOf(op), this.options.signal);
    return fields === null ? null : observedValues(fields);
  }

  /** One send of one write: check, reads it needs first, intent, the request, its outcome, and a read when the answer was lost. */
  private async attempt(step: ChangeStep, phase: WritePhase, context: WriteContext): Promise<Attempt> {
    const { runId } = this.ledger;
    if (runId === undefined || this.journalBroken) {
      return { stop: { reason: 'journal', key: step.key, message: 'The change journal could not record the run, so nothing more was sent to CMS.' } };
    }
    const op = withIds(step.operation, this.ledger.refs);
    const { method, path, kind } = targetOf(op);
    let idsBefore: Set<string> | undefined;
    let before: FieldValues | null;
    try {
      checkOperation(op, this.ledger.refs);
      // Read first what a lost answer would need: the ids a POST adds to, the object a DELETE removes.
      if (needsIdsBefore(op)) idsBefore = await readIdsBefore(op, this.options.signal);
      before = await this.valuesBefore(op, context);
    } catch (error) {
      this.emit(phase, step.key, 'not-sent');
      const cause = error instanceof CmsError ? error : new CmsError({ kind: 'network', method, path: apiPath(path), reason: failureText(error), cause: error });
      return { stop: { reason: 'not-sent', key: step.key, error: cause } };
    }
    const seq = this.seq + 1;
    const form = wireForm(op);
    const objectId = objectIdOf(op);
    const spaceId = spaceIdOf(op);
    try {
      await this.journal.recordIntent(runId, {
        seq,
        phase,
        operation: { kind: op.op, json: asJson(op) },
        method,
        path: apiPath(path),
        form,
        objectKind: kind,
        ...(objectId ? { objectId } : {}),
        ...(spaceId ? { spaceId } : {}),
        before,
        after: method === 'DELETE' ? null : fieldValues(form),
      });
    } catch (error) {
      this.emit(phase, step.key, 'not-sent');
      return { stop: { reason: 'journal', key: step.key, message: `The change journal could not record “${step.title}”, so it was not sent to CMS: ${failureText(error)}` } };
    }
    this.seq = seq;
    this.emit(phase, step.key, 'sending');
    const write = await this.sendAndSettle(step, op, { seq, phase, before, idsBefore, ...(context.undoes === undefined ? {} : { undoes: context.undoes }) });
    this.ledger.writes = [...this.ledger.writes, write];
    this.emit(phase, step.key, statusOf(write));
    return { write };
  }

  private async sendAndSettle(
    step: ChangeStep,
    op: Operation,
    facts: { seq: number; phase: WritePhase; before: FieldValues | null; idsBefore: Set<string> | undefined; undoes?: number },
  ): Promise<SentWrite> {
    const runId = this.ledger.runId ?? '';
    const { method, path } = targetOf(op);
    const started = Date.now();
    let write: SentWrite = {
      seq: facts.seq,
      phase: facts.phase,
      key: step.key,
      title: step.title,
      operation: op,
      method,
      path: apiPath(path),
      outcome: 'applied',
      before: facts.before,
      durationMs: 0,
      ...(facts.idsBefore ? { idsBefore: [...facts.idsBefore] } : {}),
      ...(facts.undoes === undefined ? {} : { undoes: facts.undoes }),
    };
    try {
      const { id } = await runOperation(op, this.ledger.refs, this.options.signal);
      write = { ...write, status: 200, ...(id === undefined ? {} : { createdId: id }) };
    } catch (error) {
      const cause = error instanceof CmsError ? error : new CmsError({ kind: 'network', method, path: apiPath(path), reason: failureText(error), cause: error });
      write = { ...write, outcome: outcomeOfFailure(cause), error: cause, ...(cause.status === undefined ? {} : { status: cause.status }) };
    }
    write.durationMs = Date.now() - started;
    const createdSpace = op.op === 'createSpace' ? write.createdId : undefined;
    try {
      await this.journal.recordOutcome(runId, facts.seq, {
        outcome: write.outcome,
        ...(write.status === undefined ? {} : { status: write.status }),
        failures: write.error?.failures ?? [],
        ...(write.error ? { error: failureText(write.error).slice(0, 2000) } : {}),
        ...(write.createdId ? { objectId: write.createdId } : {}),
        ...(createdSpace ? { spaceId: createdSpace } : {}),
        durationMs: write.durationMs,
      });
    } catch (error) {
      this.journalBroken = true;
      this.journalProblem(`CMS's answer to “${step.title}”`, error);
    }
    return write.outcome === 'unknown' ? this.settleWrite(write) : write;
  }

  /** Reads CMS for a write whose answer was lost, and records what the read showed. */
  async settleWrite(write: SentWrite): Promise<SentWrite> {
    this.emit(write.phase, write.key, 'reading');
    const { unsettled: _previous, ...rest } = write;
    void _previous;
    let found: Settled;
    try {
      // The caller's abort may have stopped the write; the read that settles it must still happen.
      found = await settle(write.operation, write.idsBefore && new Set(write.idsBefore));
    } catch (error) {
      return { ...rest, unsettled: failureText(error) };
    }
    if (this.ledger.runId !== undefined) {
      try {
        await this.journal.recordReconciliation(this.ledger.runId, write.seq, {
          verdict: found.verdict,
          read: { method: 'GET', path: found.path, ...(found.query ? { query: found.query } : {}), status: found.status, observed: found.observed, summary: found.summary.slice(0, 500) },
          ...(found.id ? { objectId: found.id } : {}),
        });
      } catch (error) {
        this.journalProblem(`the read that settled “${write.title}”`, error);
      }
    }
    return { ...rest, settled: found };
  }

  /** Settles again a write that no read could settle before (CMS may be readable now); updates the ledger. */
  async resettle(seq: number): Promise<SentWrite | undefined> {
    const write = this.ledger.writes.find((w) => w.seq === seq);
    if (!write || effectOf(write) !== 'unknown') return write;
    const again = await this.settleWrite(write);
    this.ledger.writes = this.ledger.writes.map((w) => (w.seq === seq ? again : w));
    const id = createdIdOf(again);
    const step = this.ledger.plan.steps.find((s) => s.key === again.key);
    if (again.phase === 'forward' && effectOf(again) === 'applied' && step?.creates && id) this.ledger.refs = { ...this.ledger.refs, [step.creates]: id };
    this.emit(again.phase, again.key, statusOf(again));
    return again;
  }

  /** Records the run's final state (from how its writes ended, unless given) and answers the ledger. */
  async finish(state: FinalRunState = runStateOf(this.ledger)): Promise<ChangeLedger> {
    this.ledger.state = state;
    if (this.ledger.runId !== undefined) {
      try {
        await this.journal.finishRun(this.ledger.runId, state);
      } catch (error) {
        this.journalProblem('how the run ended', error);
      }
    }
    return this.snapshot();
  }
}

export function statusOf(write: SentWrite): WriteStatus {
  if (write.outcome !== 'unknown') return write.outcome;
  if (write.settled) return write.settled.verdict;
  return 'unknown';
}
