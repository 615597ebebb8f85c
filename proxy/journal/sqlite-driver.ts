import sqlite from 'node-sqlite3-wasm';
import type { SqlDriver, SqlRow, SqlSession } from './sql-driver';

export interface SqliteOptions {
  /** FULL (the default) syncs every commit to disk; OFF is for seeding benchmark data only */
  synchronous?: 'FULL' | 'OFF';
}

function toRow(row: Record<string, unknown>): SqlRow {
  const out: SqlRow = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = typeof value === 'bigint' ? Number(value) : value === null || typeof value === 'number' || typeof value === 'string' ? value : String(value);
  }
  return out;
}

/**
 * SQLite compiled to WebAssembly (node-sqlite3-wasm), in a file: no native addon, nothing downloaded.
 * Its calls are synchronous, so a queue keeps one caller's transaction from interleaving with
 * another's statements on the one connection.
 */
export function openSqliteDriver(file: string, options: SqliteOptions = {}): SqlDriver {
  const db = new sqlite.Database(file);
  // The VFS has no shared memory, so no WAL; PERSIST keeps the rollback journal file between commits.
  db.exec(`PRAGMA journal_mode=PERSIST; PRAGMA synchronous=${options.synchronous ?? 'FULL'}; PRAGMA foreign_keys=ON;`);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T> | T): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  // Compiling SQL costs more than running it here, and the journal repeats a few dozen statements.
  const statements = new Map<string, sqlite.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 200) {
        const [oldest, old] = statements.entries().next().value!;
        old.finalize();
        statements.delete(oldest);
      }
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };

  const direct: SqlSession = {
    all: async (sql, params = []) => prepared(sql).all([...params]).map(toRow),
    run: async (sql, params = []) => prepared(sql).run([...params]).changes,
    exec: async (sql) => db.exec(sql),
  };

  return {
    dialect: 'sqlite',
    description: `SQLite file ${file}`,
    all: (sql, params) => serial(() => direct.all(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    exec: (sql) => serial(() => direct.exec(sql)),
    transaction: (work) =>
      serial(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(direct);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      serial(async () => {
        for (const statement of statements.values()) statement.finalize();
        statements.clear();
        if (db.isOpen) db.close();
      }),
  };
}
