import type { EventEnvelope } from '@coord/contracts';
import { isPositionString } from '@coord/kernel';
import { topicOfEventType } from './kafka-topics';

/** What one event becomes on the wire: its topic and the record written there. */
export interface KafkaRecord {
  readonly topic: string;
  readonly key: string;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** A record that is not an event envelope: reported and skipped, never handed to a subscriber. */
export class UndecodableRecordError extends Error {
  constructor(reason: string) {
    super(`not an event envelope: ${reason}`);
    this.name = 'UndecodableRecordError';
  }
}

/**
 * CONTRACT.md "Events on the wire": key = stream id (one record's events share a partition, so they
 * stay in order), value = the envelope with exactly the contract's fields in the contract's order
 * (so nothing an adapter added travels), headers = type and schema version, for consumers that
 * route without parsing the value.
 */
export const encodeEnvelope = (event: EventEnvelope): KafkaRecord => ({
  topic: topicOfEventType(event.type),
  key: event.streamId,
  value: JSON.stringify({
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    position: event.position,
    occurredAt: event.occurredAt,
    actor: { userId: event.actor.userId, organizationId: event.actor.organizationId },
    commandId: event.commandId,
    data: event.data,
  }),
  headers: { type: event.type, schemaVersion: String(event.schemaVersion) },
});

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export const decodeEnvelope = (value: Buffer | string | null): EventEnvelope => {
  if (value === null) throw new UndecodableRecordError('the record has no value');
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString());
  } catch {
    throw new UndecodableRecordError('the value is not JSON');
  }
  if (!isObject(parsed)) throw new UndecodableRecordError('the value is not an object');
  const { actor } = parsed;
  const problems = [
    ...['eventId', 'type', 'streamId', 'occurredAt'].filter((field) => typeof parsed[field] !== 'string'),
    ...['schemaVersion', 'streamVersion'].filter((field) => !Number.isInteger(parsed[field])),
    ...(typeof parsed.position === 'string' && isPositionString(parsed.position) ? [] : ['position']),
    ...(isObject(actor) && typeof actor.userId === 'string' && typeof actor.organizationId === 'string' ? [] : ['actor']),
    ...(parsed.commandId === null || typeof parsed.commandId === 'string' ? [] : ['commandId']),
    ...('data' in parsed ? [] : ['data']),
  ];
  if (problems.length > 0) throw new UndecodableRecordError(`missing or malformed ${problems.join(', ')}`);
  return parsed as unknown as EventEnvelope;
};
