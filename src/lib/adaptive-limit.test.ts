import { describe, expect, it } from 'vitest';
import { createAdaptiveLimiter } from './adaptive-limit';

/** A task that stays running until `finish()` is called. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { task: () => done, finish: () => finish() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createAdaptiveLimiter', () => {
  it('starts at the maximum and runs no more at once', async () => {
    const limiter = createAdaptiveLimiter({ max: 8 });
    const tasks = Array.from({ length: 12 }, held);
    const runs = tasks.map((t) => limiter.run(t.task));
    await settle();
    expect(limiter.active).toBe(8);
    expect(limiter.queued).toBe(4);
    tasks.forEach((t) => t.finish());
    await Promise.all(runs);
    expect(limiter.active).toBe(0);
  });

  it('halves on a busy answer, once per round however many busy answers the round gets', async () => {
    const limiter = createAdaptiveLimiter({ max: 8 });
    const round = Array.from({ length: 8 }, held);
    const runs = round.map((t) => limiter.run(t.task));
    await settle();
    limiter.busy();
    limiter.busy();
    limiter.busy();
    expect(limiter.limit).toBe(4);
    // The requests sent before the decrease come back busy too; they do not halve it again.
    round.slice(0, 7).forEach((t) => t.finish());
    await settle();
    limiter.busy();
    expect(limiter.limit).toBe(4);
    round[7]!.finish();
    await Promise.all(runs);
    // A request sent after the decrease that comes back busy is news: halve again.
    const next = held();
    const run = limiter.run(next.task);
    await settle();
    limiter.busy();
    expect(limiter.limit).toBe(2);
    next.finish();
    await run;
  });

  it('starts fewer tasks while the limit is lower, never below the minimum', async () => {
    const limiter = createAdaptiveLimiter({ max: 8, min: 2 });
    limiter.busy();
    limiter.busy();
    expect(limiter.limit).toBe(2);
    const tasks = Array.from({ length: 6 }, held);
    const runs = tasks.map((t) => limiter.run(t.task));
    await settle();
    expect(limiter.active).toBe(2);
    limiter.busy();
    expect(limiter.limit).toBe(2);
    tasks.forEach((t) => t.finish());
    await Promise.all(runs);
  });

  it('grows back by one per round of answers that went through, up to the maximum', () => {
    const limiter = createAdaptiveLimiter({ max: 8 });
    limiter.busy();
    expect(limiter.limit).toBe(4);
    for (let i = 0; i < 3; i++) limiter.ok();
    expect(limiter.limit).toBe(4);
    limiter.ok();
    expect(limiter.limit).toBe(5);
    for (let i = 0; i < 5 + 6 + 7; i++) limiter.ok();
    expect(limiter.limit).toBe(8);
    for (let i = 0; i < 100; i++) limiter.ok();
    expect(limiter.limit).toBe(8);
  });
});
