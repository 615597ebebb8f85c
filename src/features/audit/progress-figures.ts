/** One look at a scan's progress: how many spaces were done (read, or skipped as already read) at a time. */
export interface ProgressSample {
  at: number;
  done: number;
}

const WINDOW_MS = 10_000;

/** Keeps the samples of the last window (and the one just before it, to span the whole window). */
export function addSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const kept = samples.filter((s) => s.at >= sample.at - WINDOW_MS);
  const before = samples.filter((s) => s.at < sample.at - WINDOW_MS).at(-1);
  return [...(before ? [before] : []), ...kept, sample];
}

/** Spaces per second over the last ten seconds; undefined until two samples a second apart exist. */
export function ratePerSecond(samples: readonly ProgressSample[]): number | undefined {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last || last.at - first.at < 1_000) return undefined;
  return ((last.done - first.done) * 1000) / (last.at - first.at);
}

/** Seconds left at the current rate; undefined while the rate or the total is unknown. */
export function secondsLeft(done: number, total: number | null, rate: number | undefined): number | undefined {
  if (total === null || rate === undefined || rate <= 0) return undefined;
  return Math.max(0, (total - done) / rate);
}

/** "about 3 min left", "about 40 s left", "less than a second left". */
export function etaLabel(seconds: number | undefined): string {
  if (seconds === undefined) return 'time left not known yet';
  if (seconds < 1) return 'less than a second left';
  if (seconds < 90) return `about ${Math.round(seconds)} s left`;
  if (seconds < 90 * 60) return `about ${Math.round(seconds / 60)} min left`;
  return `about ${(seconds / 3600).toFixed(1)} h left`;
}
