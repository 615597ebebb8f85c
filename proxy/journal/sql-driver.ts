/** A value a statement binds or a row holds; both stores keep JSON as text and times as epoch ms. */
export type SqlValue = string | number | null;
export type SqlRow = Record<string, SqlValue>;

/** The few operations the journal needs, over SQLite or PostgreSQL. Statements use `?` placeholders. */
export interface SqlSession {
  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** answers the number of rows changed */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** several statements, no parameters (migrations) */
  exec(sql: string): Promise<void>;
}

export interface SqlDriver extends SqlSession {
  readonly dialect: 'sqlite' | 'postgres';
  /** where the data lives, without credentials, for the start-up line and errors */
  readonly description: string;
  /** runs `work` in one transaction: all of it is stored, or none */
  transaction<T>(work: (tx: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?` → `$1, $2…` for PostgreSQL; the journal's SQL has no `?` inside string literals. */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

export function numberOf(value: SqlValue | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '') return Number(value);
  throw new TypeError(`expected a number, got ${value === null ? 'null' : typeof value}`);
}

export function optionalNumber(value: SqlValue | undefined): number | undefined {
  return value === null || value === undefined ? undefined : numberOf(value);
}

export function textOf(value: SqlValue | undefined): string {
  if (typeof value === 'string') return value;
  throw new TypeError(`expected text, got ${value === null ? 'null' : typeof value}`);
}

export function optionalText(value: SqlValue | undefined): string | undefined {
  return value === null || value === undefined ? undefined : textOf(value);
}
