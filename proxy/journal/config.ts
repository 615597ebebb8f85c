import { isAbsolute, join, resolve } from 'node:path';

export type JournalConfig = { kind: 'sqlite'; dataDir: string; file: string } | { kind: 'postgres'; url: string };

export class JournalConfigError extends Error {
  override readonly name = 'JournalConfigError';
}

/** `<repo>/.studio-data` unless STUDIO_DATA_DIR says otherwise (it is gitignored). */
export const DEFAULT_DATA_DIR = join(import.meta.dirname, '..', '..', '.studio-data');
export const JOURNAL_FILE = 'journal.sqlite';

/** DATABASE_URL=postgres://… keeps the journal in PostgreSQL; otherwise it is a SQLite file in STUDIO_DATA_DIR. */
export function loadJournalConfig(env: NodeJS.ProcessEnv): JournalConfig {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//i.test(url)) throw new JournalConfigError('DATABASE_URL must be a postgres:// or postgresql:// URL.');
    return { kind: 'postgres', url };
  }
  const given = env.STUDIO_DATA_DIR?.trim();
  const dataDir = given ? (isAbsolute(given) ? given : resolve(given)) : DEFAULT_DATA_DIR;
  return { kind: 'sqlite', dataDir, file: join(dataDir, JOURNAL_FILE) };
}
