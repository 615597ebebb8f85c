import { createLimiter, type Limiter } from './limit';

export interface AdaptiveLimiter extends Limiter {
  /** tasks allowed at once right now */
  readonly limit: number;
  /** The server said it is busy (503): halve the limit, once per round of the tasks that were running then. */
  busy(): void;
  /** A task's request went through: after `limit` of them without a busy answer, allow one more, up to `max`. */
  ok(): void;
}

/**
 * A limiter whose limit adapts like TCP's window (additive increase, multiplicative decrease): a
 * busy server gets half the load at once, then a little more with each round that goes through.
 */
export function createAdaptiveLimiter({ max, min = 1 }: { max: number; min?: number }): AdaptiveLimiter {
  const ceiling = Math.max(1, Math.floor(max));
  const floor = Math.max(1, Math.min(ceiling, Math.floor(min)));
  let limit = ceiling;
  let successes = 0;
  let started = 0;
  let settled = 0;
  /** busy answers count again once every task started before the last decrease has settled */
  let quietUntil = 0;
  const limiter = createLimiter(() => limit);

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return limiter.run(() => {
        started++;
        return task().finally(() => void settled++);
      });
    },
    get active() {
      return limiter.active;
    },
    get queued() {
      return limiter.queued;
    },
    get limit() {
      return limit;
    },
    busy() {
      successes = 0;
      if (settled < quietUntil) return;
      limit = Math.max(floor, Math.floor(limit / 2));
      quietUntil = started;
    },
    ok() {
      if (limit >= ceiling) return;
      successes++;
      if (successes < limit) return;
      successes = 0;
      limit++;
    },
  };
}
