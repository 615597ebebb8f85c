import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const POSTGRES_INSTALL_COMMAND = 'apt-get update && apt-get install -y postgresql';
export const POSTGRES_MISSING_MESSAGE = `PostgreSQL's server programs (initdb, postgres) are missing. Install them with: ${POSTGRES_INSTALL_COMMAND}`;

/** Debian keeps initdb and postgres in /usr/lib/postgresql/<major>/bin, off the PATH; the newest major wins. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const has = (dir: string) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres'));
  if (env.POSTGRES_BIN && has(env.POSTGRES_BIN)) return env.POSTGRES_BIN;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const majors = readdirSync(debian)
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const major of majors) if (has(join(debian, major, 'bin'))) return join(debian, major, 'bin');
  }
  return (env.PATH ?? '').split(delimiter).find((dir) => dir !== '' && has(dir));
}
