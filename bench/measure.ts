/** Wall-clock helpers. Nothing here judges a figure; it only collects and summarises them. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function min(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : Math.min(...values);
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

export interface LoopTiming {
  /** Calls per sample, chosen so that one sample lasts about `sampleMs`. */
  iterations: number;
  /** Milliseconds per call, one entry per sample. */
  perCallMs: number[];
}

export interface LoopOptions {
  sampleMs?: number;
  samples?: number;
}

/**
 * Times a synchronous function: warms it up, picks an iteration count that makes one sample last
 * about `sampleMs`, then takes `samples` samples. The run length depends on the budget, not on how
 * fast the machine is, so a slow machine only gets fewer iterations.
 */
export function timeLoop(fn: () => unknown, { sampleMs = 250, samples = 5 }: LoopOptions = {}): LoopTiming {
  let sink: unknown;
  const batch = (iterations: number): number => {
    const started = performance.now();
    for (let i = 0; i < iterations; i++) sink = fn();
    return performance.now() - started;
  };

  // Warm-up and calibration in one: double until a batch takes long enough to measure.
  let iterations = 1;
  let elapsed = batch(iterations);
  while (elapsed < sampleMs / 5 && iterations < 1 << 24) {
    iterations *= 2;
    elapsed = batch(iterations);
  }
  iterations = Math.max(1, Math.round((iterations * sampleMs) / Math.max(elapsed, 1e-3)));

  const perCallMs: number[] = [];
  for (let s = 0; s < samples; s++) perCallMs.push(batch(iterations) / iterations);
  void sink;
  return { iterations, perCallMs };
}
