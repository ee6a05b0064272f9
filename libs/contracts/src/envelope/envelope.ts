import type { DomainEvent } from '@coord/kernel';

export interface ActorRef {
  readonly userId: string;
  readonly organizationId: string;
}

/**
 * An event as stored and published (CONTRACT.md "Events on the wire"): the domain's `{ type, data }`
 * inside the envelope the store adds.
 */
export interface EventEnvelope<E extends DomainEvent = DomainEvent> {
  readonly eventId: string;
  readonly type: E['type'];
  readonly schemaVersion: number;
  readonly streamId: string;
  /** 1-based revision of this event in its stream. */
  readonly streamVersion: number;
  /** Global log position, `"<major>:<minor>"` (see kernel `Position`). */
  readonly position: string;
  /** ISO-8601 UTC. */
  readonly occurredAt: string;
  readonly actor: ActorRef;
  readonly commandId: string | null;
  readonly data: E['data'];
}
