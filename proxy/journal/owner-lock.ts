import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One studio process per SQLite file. SQLite's WebAssembly build locks with a `<file>.lock` folder
 * that a killed process leaves behind; owning the file through `<file>.owner` (our pid) tells a
 * stale lock (its owner is dead: remove it) from a live one (refuse to start).
 */
export function takeOwnership(file: string): () => void {
  const ownerFile = `${file}.owner`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(ownerFile, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(ownerFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = Number(readFileSync(ownerFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new Error(
        `Another studio (pid ${pid}) keeps its journal in ${file}. Give each instance its own STUDIO_DATA_DIR, or share one PostgreSQL with DATABASE_URL.`,
      );
    }
    rmSync(ownerFile, { force: true });
    rmSync(`${file}.lock`, { recursive: true, force: true });
  }
  throw new Error(`Could not take ownership of ${file}.`);
}
