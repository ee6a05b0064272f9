import type { EventEnvelope, OrganizationAliasAdded, OrganizationAliasRemoved } from '@coord/contracts';
import type { EntityManager } from 'typeorm';
import { upsertRows } from '../projection/batch-sql';
import type { Projection } from '../projection/projection';

const ALIASES = {
  table: 'organization_aliases',
  columns: ['organization_id', 'normalized', 'alias', 'source'],
  key: ['organization_id', 'normalized'],
  onConflict: 'update',
} as const;

/** The aliases each organisation currently answers to: a removed alias (an undone merge) is gone. */
export class OrganizationAliasesProjection implements Projection {
  readonly name = 'organization-aliases';
  readonly version = 1;
  readonly handles = ['OrganizationAliasAdded', 'OrganizationAliasRemoved'] as const;
  readonly tables = [ALIASES.table];

  async apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (event.type === 'OrganizationAliasAdded') {
      const data = event.data as OrganizationAliasAdded['data'];
      await upsertRows(manager, ALIASES, [
        { organization_id: data.organizationId, normalized: data.normalized, alias: data.alias, source: data.source },
      ]);
    } else if (event.type === 'OrganizationAliasRemoved') {
      const data = event.data as OrganizationAliasRemoved['data'];
      const postgres = manager.dataSource.options.type === 'postgres';
      await manager.query(
        `DELETE FROM "organization_aliases" WHERE "organization_id" = ${postgres ? '$1' : '?'} AND "normalized" = ${postgres ? '$2' : '?'}`,
        [data.organizationId, data.normalized],
      );
    }
  }
}
