export interface Limiter {
  /** Starts `task` once fewer than the limit are running; answers what it answers. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks started and not yet settled. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly queued: number;
}

const wholeLimit = (concurrency: number) => Math.max(1, Math.floor(Number.isFinite(concurrency) ? concurrency : 1));

/** At most `concurrency` tasks at once (a function: asked again before each start), started in the order they were asked for. */
export function createLimiter(concurrency: number | (() => number)): Limiter {
  const fixed = typeof concurrency === 'number' ? wholeLimit(concurrency) : undefined;
  const limit = () => fixed ?? wholeLimit((concurrency as () => number)());
  const waiting: Array<() => void> = [];
  let head = 0;
  let active = 0;

  const next = () => {
    while (active < limit() && head < waiting.length) {
      const start = waiting[head] as () => void;
      waiting[head++] = noop;
      start();
    }
    // Drop the consumed prefix now and then so a long queue does not keep every closure alive.
    if (head > 1024 && head * 2 > waiting.length) {
      waiting.splice(0, head);
      head = 0;
    }
  };

  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push(() => {
          active++;
          let started: Promise<T>;
          try {
            started = task();
          } catch (error) {
            started = Promise.reject(error);
          }
          started.then(resolve, reject).finally(() => {
            active--;
            next();
          });
        });
        next();
      });
    },
    get active() {
      return active;
    },
    get queued() {
      return waiting.length - head;
    },
  };
}

function noop() {}

/** `items.map(fn)` with at most `concurrency` calls in flight; the answers keep the items' order. */
export function mapLimited<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const limiter = createLimiter(concurrency);
  return Promise.all(items.map((item, index) => limiter.run(() => fn(item, index))));
}
