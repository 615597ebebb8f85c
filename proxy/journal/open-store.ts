import { mkdirSync } from 'node:fs';
import type { JournalConfig } from './config';
import { LATEST_VERSION, migrate } from './migrations';
import { openPostgresDriver } from './postgres-driver';
import { createScanStore, type ScanStore } from './scan-store';
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

/** The journal and the fleet audit's scans, over one connection to the configured database. */
export interface StudioDatabase {
  journal: JournalStore;
  scans: ScanStore;
  /** where the data lives and its schema version */
  description: string;
  close(): Promise<void>;
}

/** Opens the configured database and brings its schema up to date. */
export async function openStudioDatabase(config: JournalConfig): Promise<StudioDatabase> {
  const { driver, release } = openDriver(config);
  try {
    await migrate(driver);
  } catch (error) {
    await driver.close().catch(() => undefined);
    release();
    throw error;
  }
  return {
    journal: createJournalStore(driver),
    scans: createScanStore(driver),
    description: `${driver.description} (schema v${LATEST_VERSION})`,
    async close() {
      await driver.close();
      release();
    },
  };
}
