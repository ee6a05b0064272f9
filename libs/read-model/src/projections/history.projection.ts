import type { EventEnvelope } from '@coord/contracts';
import type { EntityManager } from 'typeorm';
import { upsertRows } from '../projection/batch-sql';
import { ALL_EVENT_TYPES, Projection } from '../projection/projection';

const HISTORY = {
  table: 'history',
  columns: [
    'stream_id',
    'version',
    'position',
    'type',
    'occurred_at',
    'actor_user_id',
    'actor_organization_id',
    'command_id',
    'data',
  ],
  key: ['stream_id', 'version'],
  onConflict: 'ignore',
} as const;

const toRow = (event: EventEnvelope) => ({
  stream_id: event.streamId,
  version: event.streamVersion,
  position: event.position,
  type: event.type,
  occurred_at: event.occurredAt,
  actor_user_id: event.actor.userId,
  actor_organization_id: event.actor.organizationId,
  command_id: event.commandId,
  data: JSON.stringify(event.data),
});

/** The history of any record (DOMAIN.md "The shared picture"): who, which organisation, when, what. */
export class HistoryProjection implements Projection {
  readonly name = 'history';
  readonly version = 1;
  readonly handles = [ALL_EVENT_TYPES];
  readonly tables = [HISTORY.table];

  apply(event: EventEnvelope, manager: EntityManager): Promise<void> {
    return this.applyBatch([event], manager);
  }

  async applyBatch(events: readonly EventEnvelope[], manager: EntityManager): Promise<void> {
    await upsertRows(manager, HISTORY, events.map(toRow));
  }
}
