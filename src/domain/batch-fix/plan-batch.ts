import type { Operation } from '../../api/resources/operations';
import { failureText } from '../../api/changes/classify';
import type { AdaptiveLimiter } from '../../lib/adaptive-limit';
import { followCmsPressure } from '../fleet-audit/cms-pressure';
import { readSpaceSnapshot } from '../space-planning/read-current';
import type { PlannedStep } from '../space-planning/types';
import type { BatchPattern } from './batch-pattern';
import { planSpaceFix, type SpaceFix } from './plan-space';
import { readSharedState } from './shared-state';

/** A space that could not be planned: gone from CMS, or a read failed. */
export interface UnplannedSpace {
  spaceId: string;
  status: 'unread';
  reason: string;
}

/** The batch as the review shows it before anything is sent. */
export interface BatchFixPlan {
  batchId: string;
  pattern: BatchPattern;
  /** the profiles every space uses, created once in the batch's first run (empty: identical ones exist and are reused) */
  shared: { steps: PlannedStep[]; ids: Record<string, string> };
  spaces: Array<SpaceFix | UnplannedSpace>;
}

export interface BatchReview {
  spaces: number;
  ready: number;
  fine: number;
  conflicts: number;
  unread: number;
  /** writes of each kind (operation name → count), the shared profiles included */
  writes: Partial<Record<Operation['op'], number>>;
  totalWrites: number;
}

export interface PlanBatchOptions {
  /** bounded, and halved on 503 like the audit's scan */
  limiter: AdaptiveLimiter;
  signal?: AbortSignal;
  onPlanned?: (done: number, total: number) => void;
  /** tests: a fixed id */
  batchId?: string;
}

export const isPlanned = (space: SpaceFix | UnplannedSpace): space is SpaceFix => space.status !== 'unread';

/**
 * Reads the shared profiles once, then each space (bounded, backing off on 503), and plans each as
 * the wizard plans an existing space. The profile steps the spaces share are lifted into one first
 * run, so a batch creates each profile once and every space refers to it.
 */
export async function planBatchFix(pattern: BatchPattern, spaceIds: readonly string[], options: PlanBatchOptions): Promise<BatchFixPlan> {
  const { limiter, signal } = options;
  const shared = await readSharedState(pattern.scenario === 'blank-guest-pin', signal);
  const stop = followCmsPressure(limiter);
  let done = 0;
  try {
    const spaces = await Promise.all(
      spaceIds.map((id) =>
        limiter.run(async (): Promise<SpaceFix | UnplannedSpace> => {
          try {
            signal?.throwIfAborted();
            const snapshot = await readSpaceSnapshot(id, signal);
            if (!snapshot) return { spaceId: id, status: 'unread', reason: 'CMS has no such space any more.' };
            return await planSpaceFix(pattern, shared, snapshot, signal);
          } catch (error) {
            if (signal?.aborted) throw error;
            return { spaceId: id, status: 'unread', reason: `It could not be read: ${failureText(error)}` };
          } finally {
            options.onPlanned?.(++done, spaceIds.length);
          }
        }),
      ),
    );
    const first = spaces.find((s): s is SpaceFix => isPlanned(s) && s.sharedSteps.length > 0);
    const reused = spaces.find(isPlanned)?.ids ?? {};
    const ids = Object.fromEntries(Object.entries(reused).filter(([key]) => ['guestProfile', 'hostProfile', 'callProfile'].includes(key)));
    return { batchId: options.batchId ?? crypto.randomUUID(), pattern, shared: { steps: first?.sharedSteps ?? [], ids }, spaces };
  } finally {
    stop();
  }
}

/** The counts the review shows: spaces by status and writes by kind. */
export function reviewOf(plan: BatchFixPlan): BatchReview {
  const writes: BatchReview['writes'] = {};
  const count = (steps: readonly PlannedStep[]) => {
    for (const step of steps) writes[step.operation.op] = (writes[step.operation.op] ?? 0) + 1;
  };
  const ready = plan.spaces.filter((s): s is SpaceFix => s.status === 'ready');
  if (ready.length > 0) count(plan.shared.steps);
  for (const space of ready) count(space.steps);
  return {
    spaces: plan.spaces.length,
    ready: ready.length,
    fine: plan.spaces.filter((s) => s.status === 'fine').length,
    conflicts: plan.spaces.filter((s) => s.status === 'conflict').length,
    unread: plan.spaces.filter((s) => s.status === 'unread').length,
    writes,
    totalWrites: Object.values(writes).reduce((a, b) => a + b, 0),
  };
}
