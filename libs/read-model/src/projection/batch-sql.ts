import type { EntityManager } from 'typeorm';

export type SqlRow = object;

// PostgreSQL caps a statement at 65,535 parameters and SQLite (3.32+) at 32,766; a few thousand
// rows per statement already make the round trips negligible.
const MAX_PARAMETERS = 30_000;
const MAX_ROWS_PER_STATEMENT = 1_000;

export const quoteIdentifier = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

const isPostgres = (manager: EntityManager): boolean => manager.dataSource.options.type === 'postgres';

/** Placeholders numbered from 1 in the dialect of the manager's database (`$n` or `?`). */
const placeholders = (manager: EntityManager): ((index: number) => string) =>
  isPostgres(manager) ? (index) => `$${index}` : () => '?';

const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
};

export interface UpsertSpec {
  readonly table: string;
  readonly columns: readonly string[];
  readonly key: readonly string[];
  /** `update` overwrites the non-key columns of an existing row, `ignore` keeps the existing row. */
  readonly onConflict: 'update' | 'ignore';
  /**
   * The columns an update may change, when fewer than all: SQLite rewrites only the indexes over
   * the columns an UPDATE sets, so leaving out what never changes saves index writes.
   */
  readonly mutable?: readonly string[];
  /** A condition on the existing row (the table's name) and `excluded` for the update to happen. */
  readonly updateIf?: string;
}

const upsertText = (spec: UpsertSpec, rowCount: number, postgres: boolean): string => {
  const updates = (spec.mutable ?? spec.columns).filter((column) => !spec.key.includes(column));
  const conflict =
    spec.onConflict === 'ignore' || updates.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${updates.map((column) => `${quoteIdentifier(column)} = excluded.${quoteIdentifier(column)}`).join(', ')}` +
        (spec.updateIf ? ` WHERE ${spec.updateIf}` : '');
  const width = spec.columns.length;
  const values = Array.from(
    { length: rowCount },
    (_, row) =>
      `(${spec.columns.map((_column, column) => (postgres ? `$${row * width + column + 1}` : '?')).join(', ')})`,
  ).join(', ');
  return (
    `INSERT INTO ${quoteIdentifier(spec.table)} (${spec.columns.map(quoteIdentifier).join(', ')}) VALUES ${values} ` +
    `ON CONFLICT (${spec.key.map(quoteIdentifier).join(', ')}) ${conflict}`
  );
};

// A replay sends mostly full statements: their text of thousands of placeholders is built once, and
// as the same string object it is hashed once by the driver's statement cache. Shorter remainders
// vary in length and are built each time, so this cache holds two texts per spec at most.
const fullStatements = new WeakMap<UpsertSpec, Map<boolean, string>>();
const fullStatement = (spec: UpsertSpec, rowCount: number, postgres: boolean): string => {
  let texts = fullStatements.get(spec);
  if (!texts) fullStatements.set(spec, (texts = new Map()));
  let text = texts.get(postgres);
  if (text === undefined) texts.set(postgres, (text = upsertText(spec, rowCount, postgres)));
  return text;
};

/**
 * Multi-row `INSERT … ON CONFLICT`, which both engines speak. Rows of one call must have distinct
 * keys: PostgreSQL refuses to update the same row twice in one statement.
 */
export const upsertRows = async (manager: EntityManager, spec: UpsertSpec, rows: readonly SqlRow[]): Promise<void> => {
  const postgres = isPostgres(manager);
  const rowsPerStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / spec.columns.length)));
  for (const part of chunk(rows, rowsPerStatement)) {
    const parameters: unknown[] = [];
    for (const row of part) {
      for (const column of spec.columns) parameters.push((row as Record<string, unknown>)[column] ?? null);
    }
    const text =
      part.length === rowsPerStatement
        ? fullStatement(spec, rowsPerStatement, postgres)
        : upsertText(spec, part.length, postgres);
    await manager.query(text, parameters);
  }
};

/**
 * Expands every `(?)` in `sql` into an IN list of one slice of `values`, slice after slice, so that
 * a list of any length stays under the engines' parameter limits.
 */
const slicesWhereIn = (manager: EntityManager, sql: string, values: readonly unknown[]): [string, unknown[]][] => {
  const pieces = sql.split('(?)');
  if (pieces.length < 2) throw new Error('an IN-list query needs at least one "(?)"');
  const distinct = [...new Set(values)];
  const placeholder = placeholders(manager);
  const perSlice = Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / (pieces.length - 1)));
  return chunk(distinct, perSlice).map((part) => {
    const parameters: unknown[] = [];
    const text = pieces.reduce((built, piece, index) => {
      if (index === 0) return piece;
      const list = part.map((value) => {
        parameters.push(value);
        return placeholder(parameters.length);
      });
      return `${built}(${list.join(', ')})${piece}`;
    }, '');
    return [text, parameters];
  });
};

export const selectWhereIn = async <T>(manager: EntityManager, sql: string, values: readonly unknown[]): Promise<T[]> => {
  const results: T[] = [];
  for (const [text, parameters] of slicesWhereIn(manager, sql, values)) {
    results.push(...((await manager.query(text, parameters)) as T[]));
  }
  return results;
};

export const executeWhereIn = async (manager: EntityManager, sql: string, values: readonly unknown[]): Promise<void> => {
  for (const [text, parameters] of slicesWhereIn(manager, sql, values)) await manager.query(text, parameters);
};

/** Empties a table inside the current transaction; TRUNCATE is transactional on PostgreSQL. */
export const emptyTable = async (manager: EntityManager, table: string): Promise<void> => {
  await manager.query(isPostgres(manager) ? `TRUNCATE TABLE ${quoteIdentifier(table)}` : `DELETE FROM ${quoteIdentifier(table)}`);
};
