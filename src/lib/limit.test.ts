import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLimiter, mapLimited } from './limit';

// Each task holds its slot for one timer tick; the ticks go off on a fake clock.
beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout'] }));
afterEach(() => vi.useRealTimers());
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** Settles `work`, running every timer it waits on. */
async function settle<T>(work: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return work;
}

describe('createLimiter', () => {
  it('never runs more than the limit at once, and runs everything', async () => {
    const limiter = createLimiter(3);
    let running = 0;
    let peak = 0;
    const results = await settle(Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(async () => {
          running++;
          peak = Math.max(peak, running);
          await tick();
          running--;
          return i * 2;
        }),
      ),
    ));
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i * 2));
    expect(limiter.active).toBe(0);
    expect(limiter.queued).toBe(0);
  });

  it('frees the slot of a task that fails or throws synchronously', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(
      limiter.run(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('starts tasks in the order they were asked for', async () => {
    const limiter = createLimiter(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => limiter.run(async () => void order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('treats a limit below one as one', async () => {
    const limiter = createLimiter(0);
    let running = 0;
    let peak = 0;
    await settle(
      mapLimited([1, 2, 3], 0, async () => {
        running++;
        peak = Math.max(peak, running);
        await tick();
        running--;
      }),
    );
    expect(peak).toBe(1);
    expect(limiter.active).toBe(0);
  });

  it('keeps a long queue working after compacting it', async () => {
    expect(await mapLimited(Array.from({ length: 3000 }, (_, i) => i), 4, async (n) => n + 1)).toHaveLength(3000);
  });
});
