import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../testing/spawn-proxy';
import { findPostgresBin, POSTGRES_MISSING_MESSAGE } from './postgres-bin';

export interface PostgresServer {
  /** postgres://studio@127.0.0.1:<port>/postgres */
  url: string;
  /** a new empty database on this server, for one test's store */
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** initdb and postgres refuse to run as root; as root the throwaway cluster belongs to an unprivileged user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
      return { uid, gid };
    } catch {
      // try the next user
    }
  }
  throw new Error('Running as root, and neither a postgres nor a nobody user exists to run the test PostgreSQL server.');
}

async function waitUntilReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}:\n${log()}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s:\n${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * A real PostgreSQL server in a temporary folder (initdb + postgres on a free loopback port), for
 * tests and the bench; stop() shuts it down and deletes the folder. `durable: false` turns fsync off.
 */
export async function startPostgres({ durable = false } = {}): Promise<PostgresServer> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(POSTGRES_MISSING_MESSAGE);
  const dir = mkdtempSync(join(tmpdir(), 'studio-pg-'));
  const owner = runAs();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  const asOwner = owner ? { uid: owner.uid, gid: owner.gid } : {};
  execFileSync(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'studio', '-E', 'UTF8', '--locale=C', '--no-sync'], {
    ...asOwner,
    cwd: dir,
    stdio: 'pipe',
  });
  const port = await freePort();
  const settings = ['-c', `listen_addresses=127.0.0.1`, '-c', `unix_socket_directories=${dir}`, '-c', `fsync=${durable ? 'on' : 'off'}`];
  const child = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), ...settings], { ...asOwner, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const url = `postgres://studio@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilReady(url, child, () => log);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let databases = 0;
  return {
    url,
    async createDatabase() {
      const name = `journal_${process.pid}_${++databases}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return `postgres://studio@127.0.0.1:${port}/${name}`;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', killOnExit);
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        // SIGINT: PostgreSQL's fast shutdown (abort transactions, close connections, exit).
        child.kill('SIGINT');
      }),
  };
}
