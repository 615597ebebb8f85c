import pg from 'pg';
import { numberedPlaceholders, type SqlDriver, type SqlRow, type SqlSession, type SqlValue } from './sql-driver';

/** `postgres://user:pw@host:5432/db` → `PostgreSQL host:5432/db`: never the password, not even the user. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL ${parsed.host}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL)';
  }
}

function session(query: (sql: string, params: SqlValue[]) => Promise<pg.QueryResult>): SqlSession {
  return {
    all: async (sql, params = []) => (await query(numberedPlaceholders(sql), [...params])).rows as SqlRow[],
    run: async (sql, params = []) => (await query(numberedPlaceholders(sql), [...params])).rowCount ?? 0,
    exec: async (sql) => {
      await query(sql, []);
    },
  };
}

/** node-postgres over a small pool, so several studio instances can share one history. */
export function openPostgresDriver(url: string): SqlDriver {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  const description = describePostgresUrl(url);
  // An idle connection that drops (server restart) must not take the studio down; the next query reconnects.
  pool.on('error', (error) => console.error(`journal: ${description}: ${error.message}`));
  const base = session((sql, params) => (params.length === 0 ? pool.query(sql) : pool.query(sql, params)));
  return {
    dialect: 'postgres',
    description,
    ...base,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(session((sql, params) => (params.length === 0 ? client.query(sql) : client.query(sql, params))));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
