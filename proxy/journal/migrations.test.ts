import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, MIGRATIONS, migrate, SchemaTooNewError, schemaVersion } from './migrations';
import { openPostgresDriver } from './postgres-driver';
import { createJournalStore } from './store';
import { bothStores, withDriver } from './testing/stores';

const RUN_ID = '8b0a3c55-3f6a-4f43-9d1e-0a4a9a1d7c10';

describe.each(bothStores())('journal migrations on $name', (kind) => {
  it('builds the latest schema on an empty database and records each step', async () => {
    await withDriver(await kind.fresh(), async (driver) => {
      expect(await schemaVersion(driver)).toBe(0);
      expect(await migrate(driver, { now: () => 1_000 })).toEqual(MIGRATIONS.map((m) => m.version));
      const rows = await driver.all('SELECT version, name, applied_at FROM journal_migrations ORDER BY version');
      expect(rows.map((r) => [Number(r.version), r.name, Number(r.applied_at)])).toEqual(MIGRATIONS.map((m) => [m.version, m.name, 1_000]));
      // A second start finds nothing to do.
      expect(await migrate(driver)).toEqual([]);
      expect(await schemaVersion(driver)).toBe(LATEST_VERSION);
    });
  });

  it('upgrades a v1 database with runs in it, keeping every run and its spaces', async () => {
    const config = await kind.fresh();
    await withDriver(config, async (driver) => {
      expect(await migrate(driver, { upTo: 1 })).toEqual([1]);
      await driver.run(
        `INSERT INTO journal_runs (id, origin_kind, origin_name, undoes_run_id, batch_id, title, cluster, cms_user, state, started_at, updated_at, finished_at, spaces)
         VALUES (?, 'wizard', 'scenario-1', NULL, NULL, 'Guest and host URIs', 'mock', 'admin', 'applied', 1000, 2000, 2000, ?)`,
        [RUN_ID, JSON.stringify([{ id: 'sp-1', label: 'Guest space' }])],
      );
      await driver.run(
        `INSERT INTO journal_writes (run_id, seq, phase, operation_kind, operation, method, path, form, object_kind, object_id, space_id,
           before_values, after_values, outcome, status, failures, sent_at, answered_at)
         VALUES (?, 1, 'forward', 'createAccessMethod', '{}', 'POST', '/api/v1/coSpaces/sp-2/accessMethods', '{"passcode":"4711"}', 'accessMethod', 'am-1', 'sp-2',
           NULL, '{"passcode":"4711"}', 'applied', 200, '[]', 1500, 1600)`,
        [RUN_ID],
      );
    });
    await withDriver(config, async (driver) => {
      expect(await schemaVersion(driver)).toBe(1);
      expect(await migrate(driver)).toEqual(MIGRATIONS.filter((m) => m.version > 1).map((m) => m.version));
      const store = createJournalStore(driver);
      const detail = await store.runDetail(RUN_ID);
      expect(detail?.run).toMatchObject({
        title: 'Guest and host URIs',
        state: 'applied',
        spaces: [{ id: 'sp-1', label: 'Guest space' }, { id: 'sp-2' }],
        writeCounts: { total: 1, applied: 1 },
      });
      expect(detail?.writes[0]).toMatchObject({ seq: 1, outcome: 'applied', form: { passcode: '4711' } });
      expect((await store.listRuns({ space: 'guest space' }, { limit: 10 })).runs.map((r) => r.id)).toEqual([RUN_ID]);
      expect((await store.listRuns({ space: 'sp-2' }, { limit: 10 })).runs.map((r) => r.id)).toEqual([RUN_ID]);
    });
  });

  it('refuses a database written by a newer studio instead of guessing', async () => {
    await withDriver(await kind.fresh(), async (driver) => {
      await migrate(driver);
      await driver.run('INSERT INTO journal_migrations (version, name, applied_at) VALUES (?, ?, ?)', [LATEST_VERSION + 1, 'from the future', 0]);
      await expect(migrate(driver)).rejects.toBeInstanceOf(SchemaTooNewError);
      await expect(migrate(driver)).rejects.toThrow(`schema v${LATEST_VERSION + 1}, newer than this studio knows (v${LATEST_VERSION})`);
    });
  });

  if (kind.name === 'postgres') {
    it('lets several instances start at once: each migration runs exactly once', async () => {
      const config = await kind.fresh();
      if (config.kind !== 'postgres') throw new Error('expected a PostgreSQL config');
      const drivers = [1, 2, 3].map(() => openPostgresDriver(config.url));
      try {
        const applied = await Promise.all(drivers.map((driver) => migrate(driver)));
        expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version));
        expect(await schemaVersion(drivers[0]!)).toBe(LATEST_VERSION);
      } finally {
        await Promise.all(drivers.map((d) => d.close()));
      }
    });
  }
});
