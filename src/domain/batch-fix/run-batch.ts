import { applyChanges, continueChanges } from '../../api/changes/apply-changes';
import { stopSentence } from '../../api/changes/change-run';
import type { ChangeLedger, ChangeOptions, ChangePlan } from '../../api/changes/types';
import { describeCmsFailure } from '../../api/transport/errors';
import type { BatchFixPlan } from './plan-batch';
import type { SpaceFix } from './plan-space';

export type SpaceRunStatus = 'waiting' | 'sending' | 'applied' | 'failed' | 'unknown' | 'cancelled';

export interface SpaceRun {
  spaceId: string;
  name: string;
  status: SpaceRunStatus;
  /** failed or unknown: which write, and CMS's reason in plain words */
  reason?: string;
  ledger?: ChangeLedger;
}

/** paused/cancelled: nothing new is sent; what was in flight has finished. */
export type BatchPhase = 'ready' | 'profiles' | 'running' | 'pausing' | 'paused' | 'cancelling' | 'cancelled' | 'done' | 'stopped';

export interface BatchRunState {
  phase: BatchPhase;
  /** the run that creates the shared profiles (absent when identical ones exist) */
  shared?: { status: SpaceRunStatus; reason?: string; ledger?: ChangeLedger };
  spaces: SpaceRun[];
  /** spaces whose run ended (applied, failed or unknown) */
  done: number;
  total: number;
  elapsedMs: number;
  /** spaces per second since the start */
  rate: number;
}

export interface BatchRun {
  state(): BatchRunState;
  /** sends the shared profiles' run, then the spaces' runs, `concurrency` at once; resolves when it is done, paused or cancelled */
  start(): Promise<BatchRunState>;
  /** finish what is in flight, send nothing new */
  pause(): void;
  resume(): Promise<BatchRunState>;
  /** stop sending: what was applied stays (listed), the rest is marked cancelled */
  cancel(): void;
  /** takes one failed or unknown space up again (a lost answer is read first, then the rest is sent) */
  retry(spaceId: string): Promise<BatchRunState>;
}

/** What every change reports at once; the full state (a copy of every space) is `state()`, read as often as a screen repaints. */
export type BatchRunSummary = Pick<BatchRunState, 'phase' | 'done' | 'total'>;

export interface BatchRunOptions {
  concurrency: number;
  onChange?: (summary: BatchRunSummary) => void;
  /** tests: no pause before a write that reads proved not applied is sent again */
  resendDelayMs?: number;
  now?: () => number;
}

/** Which write stopped a run and why, in CMS's words where CMS gave a reason. */
export function stopReason(ledger: ChangeLedger): string | undefined {
  const stop = ledger.stop;
  if (!stop) return undefined;
  const step = 'key' in stop ? ledger.plan.steps.find((s) => s.key === stop.key) : undefined;
  const failures = stop.reason === 'refused' ? (stop.write.error?.failures ?? []) : [];
  const why = failures.length > 0 ? failures.map(describeCmsFailure).join(' ') : stopSentence(stop);
  return step ? `${step.title}: ${why}` : why;
}

function statusOf(ledger: ChangeLedger): SpaceRunStatus {
  if (!ledger.stop && ledger.next >= ledger.plan.steps.length) return 'applied';
  return ledger.stop?.reason === 'unknown' ? 'unknown' : 'failed';
}

const SHARED_REFS = ['guestProfile', 'hostProfile', 'callProfile'];

/** The journal's run for one space: its own writes, the shared profiles referred to by id. */
export function spaceChangePlan(plan: BatchFixPlan, space: SpaceFix, sharedIds: Record<string, string>): ChangePlan {
  return {
    origin: { kind: 'batch', name: plan.pattern.scenario, batchId: plan.batchId },
    title: `Batch fix (${plan.pattern.scenario}): space "${space.name || space.uri}"`,
    spaces: [{ id: space.spaceId, ...(space.name ? { label: space.name } : {}) }],
    steps: space.steps.map(({ key, title, operation, creates }) => ({ key, title, operation, ...(creates ? { creates } : {}) })),
    ids: { ...space.ids, ...sharedIds },
  };
}

/** A copy a screen may keep: the spaces as they are now, with the rate since the start. */
function snapshot(at: Pick<BatchRunState, 'phase' | 'shared' | 'spaces' | 'done' | 'elapsedMs'>): BatchRunState {
  return {
    phase: at.phase,
    ...(at.shared ? { shared: { ...at.shared } } : {}),
    spaces: at.spaces.map((s) => ({ ...s })),
    done: at.done,
    total: at.spaces.length,
    elapsedMs: at.elapsedMs,
    rate: at.elapsedMs > 0 ? (at.done * 1000) / at.elapsedMs : 0,
  };
}

/**
 * The shared profiles' run, or its continuation after it stopped (a lost answer is read first; a
 * POST that took effect is never sent again); answers the ids of the profiles it made.
 */
async function sendSharedRun(
  plan: BatchFixPlan,
  previous: ChangeLedger | undefined,
  engine: Pick<ChangeOptions, 'resendDelayMs'>,
): Promise<{ shared: NonNullable<BatchRunState['shared']>; ids: Record<string, string> }> {
  const steps = plan.shared.steps.map(({ key, title, operation, creates }) => ({ key, title, operation, ...(creates ? { creates } : {}) }));
  const ledger = previous
    ? await continueChanges(previous, engine)
    : await applyChanges(
        { origin: { kind: 'batch', name: plan.pattern.scenario, batchId: plan.batchId }, title: `Batch fix (${plan.pattern.scenario}): the shared profiles`, steps, ids: {} },
        engine,
      );
  const status = statusOf(ledger);
  const reason = stopReason(ledger);
  const ids: Record<string, string> = {};
  if (status === 'applied') for (const key of SHARED_REFS) if (ledger.refs[key]) ids[key] = ledger.refs[key];
  return { shared: { status, ledger, ...(reason ? { reason } : {}) }, ids };
}

/**
 * Applies a planned batch: one journaled run for the shared profiles, then one run per ready space
 * (origin kind 'batch', one batchId), so each space is recoverable and undoable on its own and a
 * failure on one is listed with CMS's reason while the others go on.
 */
export function createBatchRun(plan: BatchFixPlan, options: BatchRunOptions): BatchRun {
  const now = options.now ?? (() => Date.now());
  const ready = plan.spaces.filter((s): s is SpaceFix => s.status === 'ready');
  const byId = new Map(ready.map((s) => [s.spaceId, s]));
  const spaces: SpaceRun[] = ready.map((s) => ({ spaceId: s.spaceId, name: s.name || s.uri, status: 'waiting' }));
  let phase: BatchPhase = 'ready';
  let shared: BatchRunState['shared'] = plan.shared.steps.length > 0 ? { status: 'waiting' } : undefined;
  let sharedIds: Record<string, string> = Object.fromEntries(Object.entries(plan.shared.ids).filter(([k]) => SHARED_REFS.includes(k)));
  let startedAt: number | undefined;
  let inFlight = 0;
  let ended = 0;
  let idle: Array<() => void> = [];
  const engine = options.resendDelayMs === undefined ? {} : { resendDelayMs: options.resendDelayMs };

  const state = (): BatchRunState => snapshot({ phase, ...(shared ? { shared } : {}), spaces, done: ended, elapsedMs: startedAt === undefined ? 0 : now() - startedAt });
  const changed = () => options.onChange?.({ phase, done: ended, total: spaces.length });
  const settle = () => {
    if (inFlight > 0) return;
    const waiting = spaces.some((s) => s.status === 'waiting');
    if (phase === 'pausing') phase = 'paused';
    else if (phase === 'cancelling') phase = 'cancelled';
    else if (phase === 'running' && !waiting) phase = 'done';
    else if (phase === 'running') return;
    changed();
    const resolve = idle;
    idle = [];
    for (const r of resolve) r();
  };
  const whenIdle = () => new Promise<BatchRunState>((resolve) => idle.push(() => resolve(state())));

  const finishSpace = (run: SpaceRun, ledger: ChangeLedger) => {
    // A retried space ended before: it counts once.
    if (run.ledger === undefined) ended++;
    run.ledger = ledger;
    run.status = statusOf(ledger);
    const reason = stopReason(ledger);
    if (reason === undefined) delete run.reason;
    else run.reason = reason;
  };

  const pump = () => {
    while (phase === 'running' && inFlight < Math.max(1, options.concurrency)) {
      const run = spaces.find((s) => s.status === 'waiting');
      const space = run ? byId.get(run.spaceId) : undefined;
      if (!run || !space) break;
      run.status = 'sending';
      inFlight++;
      changed();
      void applyChanges(spaceChangePlan(plan, space, sharedIds), engine).then((ledger) => {
        finishSpace(run, ledger);
        inFlight--;
        changed();
        pump();
      });
    }
    settle();
  };

  const sendShared = async (): Promise<boolean> => {
    if (!shared || shared.status === 'applied') return true;
    const previous = shared.ledger;
    phase = 'profiles';
    shared = { status: 'sending', ...(previous ? { ledger: previous } : {}) };
    // In flight like a space's run: a pause or cancel meanwhile waits for it.
    inFlight++;
    changed();
    const sent = await sendSharedRun(plan, previous, engine);
    inFlight--;
    shared = sent.shared;
    sharedIds = { ...sharedIds, ...sent.ids };
    return sent.shared.status === 'applied';
  };

  const run = async (): Promise<BatchRunState> => {
    startedAt ??= now();
    const wait = whenIdle();
    if (!(await sendShared())) {
      // Without the profiles no space can be fixed: nothing else is sent.
      phase = 'stopped';
      changed();
      idle = [];
      return state();
    }
    if (phase === 'ready' || phase === 'profiles') phase = 'running';
    pump();
    return wait;
  };

  return {
    state,
    start: () => (phase === 'ready' || phase === 'stopped' ? run() : Promise.resolve(state())),
    pause: () => {
      if (phase !== 'running' && phase !== 'profiles') return;
      phase = 'pausing';
      changed();
      settle();
    },
    resume: () => {
      if (phase !== 'paused' && phase !== 'pausing') return Promise.resolve(state());
      phase = 'running';
      const wait = whenIdle();
      pump();
      return wait;
    },
    cancel: () => {
      if (phase === 'done' || phase === 'cancelled') return;
      for (const s of spaces) if (s.status === 'waiting') s.status = 'cancelled';
      phase = inFlight > 0 ? 'cancelling' : 'cancelled';
      changed();
      settle();
    },
    retry: async (spaceId) => {
      const target = spaces.find((s) => s.spaceId === spaceId);
      if (!target?.ledger || (target.status !== 'failed' && target.status !== 'unknown')) return state();
      target.status = 'sending';
      inFlight++;
      changed();
      finishSpace(target, await continueChanges(target.ledger, engine));
      inFlight--;
      changed();
      return state();
    },
  };
}
