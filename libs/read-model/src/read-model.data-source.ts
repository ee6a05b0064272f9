import { DataSource } from 'typeorm';
import { READ_MODEL_ENTITIES } from './entities/read-model.entities';

export type ReadModelDatabaseConfig =
  | { readonly kind: 'sqlite'; readonly filename: string }
  | { readonly kind: 'postgres'; readonly url: string };

export interface ReadModelDataSourceOptions {
  readonly logging?: boolean;
}

/**
 * Opens the read-model database with every entity. The schema is synchronised on start: the read
 * model holds nothing that the log cannot rebuild, so there is no data whose migration matters.
 */
export const createReadModelDataSource = async (
  config: ReadModelDatabaseConfig,
  options: ReadModelDataSourceOptions = {},
): Promise<DataSource> => {
  const common = { entities: [...READ_MODEL_ENTITIES], synchronize: true, logging: options.logging ?? false };
  const dataSource =
    config.kind === 'sqlite'
      ? new DataSource({
          ...common,
          type: 'better-sqlite3',
          database: config.filename,
          enableWAL: true,
          // synchronous=NORMAL in WAL mode may lose the last commits on power loss, never corrupt the
          // file. For the read model that is fine: the log stays the truth, and on restart the lost
          // events are above the surviving checkpoint, so catch-up applies them again.
          prepareDatabase: (db: { pragma(statement: string): unknown }) => {
            db.pragma('synchronous = NORMAL');
          },
        })
      : new DataSource({ ...common, type: 'postgres', url: config.url });
  return dataSource.initialize();
};
