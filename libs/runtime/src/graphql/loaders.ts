import DataLoader from 'dataloader';
import type { ReadModelQueries } from '@coord/read-model';

type Row<K extends keyof ReadModelQueries> = ReadModelQueries[K] extends (...args: any[]) => Promise<Array<infer R>> ? R : never;

/** Batches nested look-ups (an organisation per delivery, a parent per location) into one query each. */
export interface Loaders {
  readonly organization: DataLoader<string, Row<'organizationsByIds'> | null>;
  readonly location: DataLoader<string, Row<'locationsByPcodes'> | null>;
}

export const createLoaders = (queries: ReadModelQueries): Loaders => ({
  organization: new DataLoader(async (ids) => {
    const rows = await queries.organizationsByIds([...ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }),
  location: new DataLoader(async (pcodes) => {
    const rows = await queries.locationsByPcodes([...pcodes]);
    const byCode = new Map(rows.map((row) => [row.pcode, row]));
    return pcodes.map((pcode) => byCode.get(pcode) ?? null);
  }),
});
