import type { EntityManager } from 'typeorm';
import { quoteIdentifier } from '../projection/batch-sql';
import { MEASURES, type PictureFactRow } from './picture-fact';
import { DIMENSION_COLUMNS, PICTURE_GRAINS } from './picture-grains';
import { isPostgres, SqlParameters } from './picture-sql';

export const ROLLUP_MEASURES = ['records', ...MEASURES] as const;
const ROLLUP_COLUMNS = ['grain', ...DIMENSION_COLUMNS, ...ROLLUP_MEASURES];
const ROWS_PER_STATEMENT = 1_000;

type Contribution = Pick<PictureFactRow, (typeof DIMENSION_COLUMNS)[number] | (typeof MEASURES)[number]>;

interface Cell {
  readonly key: readonly string[];
  readonly sums: number[];
}

/**
 * What a batch adds to and takes from each rollup cell: a version that closed is taken out, one
 * that opened is added. Summed in memory, so a batch costs one upsert per cell it touched.
 */
export class RollupDeltas {
  private readonly cells = new Map<string, Cell>();

  add(fact: Contribution, sign: 1 | -1): void {
    for (const grain of PICTURE_GRAINS) {
      const key = [grain.name, ...DIMENSION_COLUMNS.map((column) => (grain.columns.includes(column) ? (fact[column] ?? '') : ''))];
      const id = key.join('\u0000');
      let cell = this.cells.get(id);
      if (!cell) this.cells.set(id, (cell = { key, sums: ROLLUP_MEASURES.map(() => 0) }));
      cell.sums[0] += sign;
      MEASURES.forEach((measure, index) => (cell.sums[index + 1] += sign * fact[measure]));
    }
  }

  /** The cells whose sums changed. */
  changed(): Cell[] {
    return [...this.cells.values()].filter((cell) => cell.sums.some((sum) => sum !== 0));
  }
}

export const applyRollupDeltas = async (manager: EntityManager, deltas: RollupDeltas): Promise<void> => {
  const cells = deltas.changed();
  if (cells.length === 0) return;
  const postgres = isPostgres(manager);
  const increments = ROLLUP_MEASURES.map(
    (measure) => `${quoteIdentifier(measure)} = "picture_rollups".${quoteIdentifier(measure)} + excluded.${quoteIdentifier(measure)}`,
  ).join(', ');
  for (let start = 0; start < cells.length; start += ROWS_PER_STATEMENT) {
    const parameters = new SqlParameters(postgres);
    const values = cells
      .slice(start, start + ROWS_PER_STATEMENT)
      .map((cell) => `(${parameters.list([...cell.key, ...cell.sums])})`)
      .join(', ');
    await manager.query(
      `INSERT INTO "picture_rollups" (${ROLLUP_COLUMNS.map(quoteIdentifier).join(', ')}) VALUES ${values} ` +
        `ON CONFLICT (${['grain', ...DIMENSION_COLUMNS].map(quoteIdentifier).join(', ')}) DO UPDATE SET ${increments}`,
      parameters.values,
    );
  }
  await manager.query('DELETE FROM "picture_rollups" WHERE "records" = 0');
};

/**
 * Sums the current facts into every grain afresh. The projection keeps the rollups by deltas; this
 * fills them when facts were written directly (the benchmark's million rows), and checks the deltas.
 */
export const recomputeRollups = async (manager: EntityManager): Promise<void> => {
  await manager.query('DELETE FROM "picture_rollups"');
  for (const grain of PICTURE_GRAINS) {
    const kept = DIMENSION_COLUMNS.filter((column) => grain.columns.includes(column));
    const dimensions = DIMENSION_COLUMNS.map((column) =>
      grain.columns.includes(column) ? `COALESCE(${quoteIdentifier(column)}, '')` : "''",
    );
    await manager.query(
      `INSERT INTO "picture_rollups" (${ROLLUP_COLUMNS.map(quoteIdentifier).join(', ')}) ` +
        `SELECT '${grain.name}', ${dimensions.join(', ')}, COUNT(*), ${MEASURES.map((measure) => `SUM(${quoteIdentifier(measure)})`).join(', ')} ` +
        `FROM "picture_facts" WHERE "valid_to" IS NULL GROUP BY ${kept.map(quoteIdentifier).join(', ')}`,
    );
  }
};
