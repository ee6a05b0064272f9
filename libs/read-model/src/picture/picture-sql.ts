import type { EntityManager } from 'typeorm';

export const isPostgres = (manager: EntityManager): boolean => manager.dataSource.options.type === 'postgres';

/** Collects a statement's parameters and answers each one's placeholder in the manager's dialect. */
export class SqlParameters {
  readonly values: unknown[] = [];

  constructor(private readonly postgres: boolean) {}

  add(value: unknown): string {
    this.values.push(value);
    return this.postgres ? `$${this.values.length}` : '?';
  }

  list(values: readonly unknown[]): string {
    return values.map((value) => this.add(value)).join(', ');
  }
}

/** PostgreSQL answers SUM and COUNT as bigint, which node-postgres hands over as text. */
export const toInt = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
