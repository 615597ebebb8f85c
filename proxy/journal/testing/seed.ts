import { randomUUID } from 'node:crypto';
import type { SqlDriver, SqlValue } from '../sql-driver';

const CLUSTERS = ['london', 'paris', 'tokyo'];
const USERS = ['admin', 'ops', 'support', 'api'];
const BATCH = 200;

/**
 * `count` finished runs of two applied writes each (one with a PIN), a minute apart, straight into
 * the tables in multi-row inserts: a benchmark's 10,000 runs in seconds instead of 60,000 commits.
 */
export async function seedRuns(driver: SqlDriver, count: number, newest = Date.now()): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    const runs: SqlValue[] = [];
    const spaces: SqlValue[] = [];
    const writes: SqlValue[] = [];
    const size = Math.min(BATCH, count - start);
    for (let i = start; i < start + size; i++) {
      const id = randomUUID();
      const at = newest - i * 60_000;
      const space = `00000000-0000-4000-8000-${String(i % 5000).padStart(12, '0')}`;
      runs.push(id, 'wizard', `scenario-${(i % 4) + 1}`, `Seeded run ${i}`, CLUSTERS[i % CLUSTERS.length]!, USERS[i % USERS.length]!, 'applied', at, at + 900, at + 900);
      spaces.push(id, space, `space-${i % 5000}.example`);
      for (const seq of [1, 2]) {
        const form = seq === 1 ? { uri: `host-${i}`, passcode: String(1000 + (i % 9000)) } : { callLegProfile: randomUUID() };
        writes.push(id, seq, 'forward', seq === 1 ? 'createAccessMethod' : 'updateCoSpace', JSON.stringify({ form }), seq === 1 ? 'POST' : 'PUT',
          `/api/v1/coSpaces/${space}${seq === 1 ? '/accessMethods' : ''}`, JSON.stringify(form), seq === 1 ? 'accessMethod' : 'coSpace', space, space,
          seq === 1 ? null : JSON.stringify({ callLegProfile: null }), JSON.stringify(form), 'applied', 200, '[]', at + seq * 100, at + seq * 100 + 40);
      }
    }
    const rows = (n: number, width: number) => Array.from({ length: n }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ');
    await driver.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO journal_runs (id, origin_kind, origin_name, title, cluster, cms_user, state, started_at, updated_at, finished_at) VALUES ${rows(size, 10)}`,
        runs,
      );
      await tx.run(`INSERT INTO journal_run_spaces (run_id, space_id, label) VALUES ${rows(size, 3)}`, spaces);
      await tx.run(
        `INSERT INTO journal_writes (run_id, seq, phase, operation_kind, operation, method, path, form, object_kind, object_id, space_id,
           before_values, after_values, outcome, status, failures, sent_at, answered_at) VALUES ${rows(size * 2, 18)}`,
        writes,
      );
    });
  }
}
