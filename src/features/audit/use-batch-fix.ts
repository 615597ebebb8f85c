import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchPattern } from '../../domain/batch-fix/batch-pattern';
import { planBatchFix, type BatchFixPlan } from '../../domain/batch-fix/plan-batch';
import { createBatchRun, type BatchRun, type BatchRunState } from '../../domain/batch-fix/run-batch';
import { createAdaptiveLimiter } from '../../lib/adaptive-limit';

/** Spaces read at once while planning (halved on 503), and space runs sent at once while applying. */
const PLAN_CONCURRENCY = 8;
const APPLY_CONCURRENCY = 4;
/** Progress is shown at most this often, so 1,000 spaces do not render 3,000 times. */
const REPAINT_MS = 150;

export type FixState =
  | { phase: 'form' }
  | { phase: 'planning'; done: number; total: number }
  | { phase: 'review'; plan: BatchFixPlan }
  | { phase: 'applying'; plan: BatchFixPlan; run: BatchRunState }
  | { phase: 'error'; message: string };

/** The batch fix's phases: pattern → plan (reads only) → review → apply with pause, resume, cancel and retry. */
export function useBatchFix(spaceIds: readonly string[]) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<FixState>({ phase: 'form' });
  const run = useRef<BatchRun | undefined>(undefined);
  const abort = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => abort.current?.abort(), []);

  const plan = useCallback(
    async (pattern: BatchPattern) => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      setState({ phase: 'planning', done: 0, total: spaceIds.length });
      let shown = 0;
      try {
        const planned = await planBatchFix(pattern, spaceIds, {
          limiter: createAdaptiveLimiter({ max: PLAN_CONCURRENCY }),
          signal: controller.signal,
          onPlanned: (done, total) => {
            if (Date.now() - shown < REPAINT_MS && done < total) return;
            shown = Date.now();
            setState({ phase: 'planning', done, total });
          },
        });
        setState({ phase: 'review', plan: planned });
      } catch (error) {
        if (!controller.signal.aborted) setState({ phase: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    },
    [spaceIds],
  );

  const apply = useCallback(
    (planned: BatchFixPlan) => {
      let shown = 0;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const batch = createBatchRun(planned, {
        concurrency: APPLY_CONCURRENCY,
        onChange: () => {
          // Latest state at most every REPAINT_MS, and always once things settle.
          clearTimeout(timer);
          const show = () => {
            shown = Date.now();
            setState({ phase: 'applying', plan: planned, run: batch.state() });
          };
          if (Date.now() - shown >= REPAINT_MS) show();
          else timer = setTimeout(show, REPAINT_MS);
        },
      });
      run.current = batch;
      setState({ phase: 'applying', plan: planned, run: batch.state() });
      void batch.start().finally(() => void queryClient.invalidateQueries());
    },
    [queryClient],
  );

  const cancelPlanning = useCallback(() => {
    abort.current?.abort();
    setState({ phase: 'form' });
  }, []);

  return {
    state,
    plan,
    apply,
    cancelPlanning,
    back: () => setState({ phase: 'form' }),
    pause: () => run.current?.pause(),
    resume: () => void run.current?.resume(),
    cancel: () => run.current?.cancel(),
    retry: (spaceId: string) => void run.current?.retry(spaceId).finally(() => void queryClient.invalidateQueries()),
  };
}
