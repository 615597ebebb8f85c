import { describe, expect, it } from 'vitest';
import { addSample, etaLabel, ratePerSecond, secondsLeft, type ProgressSample } from './progress-figures';

describe('scan progress figures', () => {
  it('measures the rate over the last ten seconds, not since the start', () => {
    let samples: ProgressSample[] = [];
    // 10 spaces/s for 20 s, then 100 spaces/s for 12 s.
    for (let t = 0; t <= 20; t++) samples = addSample(samples, { at: t * 1000, done: t * 10 });
    for (let t = 1; t <= 12; t++) samples = addSample(samples, { at: 20_000 + t * 1000, done: 200 + t * 100 });
    expect(ratePerSecond(samples)).toBeCloseTo(100, 0);
    expect(samples.length).toBeLessThanOrEqual(12);
  });

  it('knows no rate from one sample or less than a second apart', () => {
    expect(ratePerSecond([{ at: 0, done: 0 }])).toBeUndefined();
    expect(ratePerSecond([{ at: 0, done: 0 }, { at: 500, done: 30 }])).toBeUndefined();
  });

  it('says how long is left in words', () => {
    expect(secondsLeft(1000, 20_000, 380)).toBeCloseTo(50, 0);
    expect(secondsLeft(10, null, 5)).toBeUndefined();
    expect(etaLabel(secondsLeft(1000, 20_000, 380))).toBe('about 50 s left');
    expect(etaLabel(600)).toBe('about 10 min left');
    expect(etaLabel(undefined)).toBe('time left not known yet');
  });
});
