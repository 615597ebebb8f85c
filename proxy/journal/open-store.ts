import { mkdirSync } from 'node:fs';
import type { JournalConfig } from './config';
import { LATEST_VERSION, migrate } from './migrations';
import { openPostgresDriver } from './postgres-driver';
import { openSqliteDriver } from './sqlite-driver';
import { createJournalStore, type JournalStore } from './store';
import { takeOwnership } from './owner-lock';
import type { SqlDriver } from './sql-driver';

export function openDriver(config: JournalConfig): { driver: SqlDriver; release: () => void } {
  if (config.kind === 'postgres') return { driver: openPostgresDriver(config.url), release: () => {} };
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const release = takeOwnership(config.file);
  try {
    return { driver: openSqliteDriver(config.file), release };
  } catch (error) {
    release();
    throw error;
  }
}

/** Opens the configured store and brings its schema up to date; the store's description names where it lives. */
export async function openJournalStore(config: JournalConfig): Promise<JournalStore> {
  const { driver, release } = openDriver(config);
  try {
    await migrate(driver);
  } catch (error) {
    await driver.close().catch(() => undefined);
    release();
    throw error;
  }
  const store = createJournalStore(driver);
  return {
    ...store,
    description: `${driver.description} (schema v${LATEST_VERSION})`,
    async close() {
      await store.close();
      release();
    },
  };
}
