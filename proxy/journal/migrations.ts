import type { SqlDriver, SqlSession } from './sql-driver';
import { numberOf, textOf } from './sql-driver';

export interface Migration {
  version: number;
  name: string;
  /** the same logical change on both stores; the SQL sticks to what SQLite and PostgreSQL share */
  up(tx: SqlSession): Promise<void>;
}

const runsAndWrites: Migration = {
  version: 1,
  name: 'runs and their writes',
  up: (tx) =>
    tx.exec(`
      CREATE TABLE journal_runs (
        id TEXT PRIMARY KEY,
        origin_kind TEXT NOT NULL,
        origin_name TEXT NOT NULL,
        undoes_run_id TEXT,
        batch_id TEXT,
        title TEXT NOT NULL,
        cluster TEXT NOT NULL,
        cms_user TEXT NOT NULL,
        state TEXT NOT NULL,
        started_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        finished_at BIGINT,
        spaces TEXT NOT NULL
      );
      CREATE INDEX journal_runs_started ON journal_runs (started_at, id);
      CREATE TABLE journal_writes (
        run_id TEXT NOT NULL REFERENCES journal_runs (id),
        seq INTEGER NOT NULL,
        phase TEXT NOT NULL,
        operation_kind TEXT NOT NULL,
        operation TEXT NOT NULL,
        method TEXT NOT NULL,
        path TEXT NOT NULL,
        form TEXT NOT NULL,
        object_kind TEXT,
        object_id TEXT,
        space_id TEXT,
        before_values TEXT,
        after_values TEXT,
        outcome TEXT NOT NULL,
        status INTEGER,
        failures TEXT NOT NULL,
        error TEXT,
        duration_ms DOUBLE PRECISION,
        sent_at BIGINT NOT NULL,
        answered_at BIGINT,
        reconciliation TEXT,
        reconciled_at BIGINT,
        PRIMARY KEY (run_id, seq)
      );
    `),
};

/** v1 kept a run's spaces as a JSON column; History filters by space, cluster and user, so they get indexes. */
const spaceIndex: Migration = {
  version: 2,
  name: 'indexed spaces, cluster and user filters',
  async up(tx) {
    await tx.exec(`
      CREATE TABLE journal_run_spaces (
        run_id TEXT NOT NULL REFERENCES journal_runs (id),
        space_id TEXT NOT NULL,
        label TEXT,
        PRIMARY KEY (run_id, space_id)
      );
      CREATE INDEX journal_run_spaces_space ON journal_run_spaces (space_id);
      CREATE INDEX journal_runs_cluster ON journal_runs (cluster, started_at);
      CREATE INDEX journal_runs_user ON journal_runs (cms_user, started_at);
    `);
    const runs = await tx.all('SELECT id, spaces FROM journal_runs');
    for (const run of runs) {
      const spaces: unknown = JSON.parse(textOf(run.spaces));
      for (const space of Array.isArray(spaces) ? spaces : []) {
        if (typeof space?.id !== 'string') continue;
        await tx.run('INSERT INTO journal_run_spaces (run_id, space_id, label) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [
          textOf(run.id),
          space.id,
          typeof space.label === 'string' ? space.label : null,
        ]);
      }
    }
    await tx.run(
      `INSERT INTO journal_run_spaces (run_id, space_id, label)
       SELECT DISTINCT run_id, space_id, NULL FROM journal_writes WHERE space_id IS NOT NULL
       ON CONFLICT DO NOTHING`,
    );
    await tx.exec('ALTER TABLE journal_runs DROP COLUMN spaces');
  },
};

/** The fleet audit: scans of a cluster, one result per space, its findings indexed, one lease per cluster. */
const scans: Migration = {
  version: 3,
  name: 'fleet audit scans, results and leases',
  up: (tx) =>
    tx.exec(`
      CREATE TABLE scans (
        id TEXT PRIMARY KEY,
        cluster TEXT NOT NULL,
        cms_user TEXT NOT NULL,
        state TEXT NOT NULL,
        started_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL,
        finished_at BIGINT,
        spaces_total INTEGER,
        requests BIGINT NOT NULL,
        requests_before_lease BIGINT NOT NULL,
        results INTEGER NOT NULL,
        passed INTEGER NOT NULL,
        warned INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        unread INTEGER NOT NULL,
        error TEXT
      );
      CREATE INDEX scans_cluster ON scans (cluster, started_at);
      CREATE TABLE scan_leases (
        cluster TEXT PRIMARY KEY,
        scan_id TEXT NOT NULL,
        token TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE TABLE scan_results (
        scan_id TEXT NOT NULL REFERENCES scans (id),
        space_id TEXT NOT NULL,
        name TEXT,
        uri TEXT,
        secondary_uri TEXT,
        call_id TEXT,
        tenant TEXT,
        tenant_name TEXT,
        status TEXT NOT NULL,
        status_rank INTEGER NOT NULL,
        problems INTEGER NOT NULL,
        summary TEXT NOT NULL,
        findings TEXT NOT NULL,
        host_paths INTEGER NOT NULL,
        guest_paths INTEGER NOT NULL,
        paths TEXT NOT NULL,
        scanned_at BIGINT NOT NULL,
        PRIMARY KEY (scan_id, space_id)
      );
      CREATE INDEX scan_results_space ON scan_results (space_id, scanned_at);
      CREATE TABLE scan_findings (
        scan_id TEXT NOT NULL,
        space_id TEXT NOT NULL,
        finding_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        severity TEXT NOT NULL,
        title TEXT NOT NULL,
        PRIMARY KEY (scan_id, space_id, finding_id),
        FOREIGN KEY (scan_id, space_id) REFERENCES scan_results (scan_id, space_id)
      );
      CREATE INDEX scan_findings_kind ON scan_findings (scan_id, kind);
    `),
};

/** A batch fix makes one run per space under one batchId; History lists and undoes them together. */
const batchIndex: Migration = {
  version: 4,
  name: 'runs indexed by batch',
  up: (tx) => tx.exec('CREATE INDEX journal_runs_batch ON journal_runs (batch_id, started_at)'),
};

export const MIGRATIONS: readonly Migration[] = [runsAndWrites, spaceIndex, scans, batchIndex];
export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Several studio instances may start at once against one PostgreSQL: one migrates, the others wait. */
const MIGRATION_LOCK_KEY = 74_110_010;

export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
}

async function currentVersion(session: SqlSession): Promise<number> {
  const rows = await session.all('SELECT MAX(version) AS version FROM journal_migrations');
  const value = rows[0]?.version;
  return value === null || value === undefined ? 0 : numberOf(value);
}

async function lockMigrations(driver: SqlDriver, tx: SqlSession): Promise<void> {
  if (driver.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
}

export async function schemaVersion(driver: SqlDriver): Promise<number> {
  return driver.transaction(async (tx) => {
    await lockMigrations(driver, tx);
    await tx.exec('CREATE TABLE IF NOT EXISTS journal_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    return currentVersion(tx);
  });
}

/**
 * Brings the database to `upTo` (default: the latest), one migration per transaction, each recorded
 * in journal_migrations. Answers the versions applied. A database newer than this code is refused.
 */
export async function migrate(driver: SqlDriver, { upTo = LATEST_VERSION, now = Date.now } = {}): Promise<number[]> {
  const applied: number[] = [];
  const found = await schemaVersion(driver);
  if (found > LATEST_VERSION) {
    throw new SchemaTooNewError(
      `The journal in ${driver.description} is at schema v${found}, newer than this studio knows (v${LATEST_VERSION}); run the newer studio, or point STUDIO_DATA_DIR/DATABASE_URL elsewhere.`,
    );
  }
  for (const migration of MIGRATIONS) {
    if (migration.version > upTo) break;
    const done = await driver.transaction(async (tx) => {
      await lockMigrations(driver, tx);
      if ((await currentVersion(tx)) >= migration.version) return false;
      await migration.up(tx);
      await tx.run('INSERT INTO journal_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, now()]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
