import type { EventEnvelope, OrganizationRegistered } from '@coord/contracts';
import type { EntityManager } from 'typeorm';
import { upsertRows } from '../projection/batch-sql';
import type { Projection } from '../projection/projection';

const ORGANIZATIONS = {
  table: 'organizations',
  columns: ['id', 'name', 'acronym', 'kind', 'registered_at'],
  key: ['id'],
  onConflict: 'update',
} as const;

export class OrganizationsProjection implements Projection {
  readonly name = 'organizations';
  readonly version = 1;
  readonly handles = ['OrganizationRegistered'] as const;
  readonly tables = [ORGANIZATIONS.table];

  apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.applyBatch([event], manager);
  }

  async applyBatch(events: readonly EventEnvelope[], manager: EntityManager): Promise<void> {
    // Keyed by id, so that the last registration in the batch wins, as it would event by event.
    const rows = new Map<string, Record<string, unknown>>();
    for (const event of events) {
      if (event.type !== 'OrganizationRegistered') continue;
      const data = event.data as OrganizationRegistered['data'];
      rows.set(data.organizationId, {
        id: data.organizationId,
        name: data.name,
        acronym: data.acronym,
        kind: data.kind,
        registered_at: data.registeredAt,
      });
    }
    await upsertRows(manager, ORGANIZATIONS, [...rows.values()]);
  }
}
