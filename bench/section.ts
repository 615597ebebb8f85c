import type { SpawnedMock } from '../src/mocks/cms/testing/spawn-mock';

/** One table cell: strings are printed as given, numbers get thousands separators. */
export type Cell = string | number;

/** One table row: `name` is the first column, the other keys become columns in first-seen order. */
export interface Row {
  name: string;
  [column: string]: Cell;
}

export interface BenchContext {
  /** A standalone mock CMS started with these CLI arguments; shared between sections, stopped at the end. */
  mock(args: readonly string[]): Promise<SpawnedMock>;
  /** A progress line (stderr), so the long sections do not look stuck. */
  progress(message: string): void;
}

export interface Section {
  /** What `--only` matches: short, kebab-case. */
  name: string;
  title: string;
  /** Printed under the title: what is measured and how. */
  note?: string;
  run(context: BenchContext): Promise<Row[]>;
}

/**
 * Something functionally wrong (a wrong count, a failed parse). Only this — or any other thrown
 * error — makes the run exit non-zero; slow figures never do.
 */
export class BenchFailure extends Error {
  override readonly name = 'BenchFailure';
}
