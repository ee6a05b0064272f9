import type { EventEnvelope } from '@coord/contracts';
import { decodeEnvelope, encodeEnvelope, UndecodableRecordError } from './kafka-envelope.codec';
import { CONTEXT_TOPICS, topicOfEventType } from './kafka-topics';

const envelope: EventEnvelope = {
  eventId: '0f5b8a52-5d1e-4a55-9f39-0c2f8d0b7a11',
  type: 'DeliveryPlanned',
  schemaVersion: 1,
  streamId: 'AidDelivery-1',
  streamVersion: 3,
  position: '12:14',
  occurredAt: '2026-03-01T08:00:00.000Z',
  actor: { userId: 'user-1', organizationId: 'org-wfp' },
  commandId: 'c-1',
  data: { deliveryId: 'AidDelivery-1', items: [{ commodity: 'rice', quantity: 100, unit: 'kg' }] },
};

describe('Kafka envelope codec', () => {
  it('writes the contract envelope, keyed by stream id, to its context topic', () => {
    const record = encodeEnvelope({ ...envelope, extra: 'adapter detail' } as EventEnvelope);

    expect(record.topic).toBe('coordination.aid-deliveries.events');
    expect(record.key).toBe('AidDelivery-1');
    expect(record.headers).toEqual({ type: 'DeliveryPlanned', schemaVersion: '1' });
    expect(Object.keys(JSON.parse(record.value))).toEqual([
      'eventId',
      'type',
      'schemaVersion',
      'streamId',
      'streamVersion',
      'position',
      'occurredAt',
      'actor',
      'commandId',
      'data',
    ]);
    expect(decodeEnvelope(Buffer.from(record.value))).toEqual(envelope);
  });

  it('has one topic per context and refuses a type outside the catalogue', () => {
    expect(CONTEXT_TOPICS).toEqual([
      'coordination.action-plans.events',
      'coordination.aid-deliveries.events',
      'coordination.liaison.events',
      'coordination.planning.events',
      'coordination.reference.events',
    ]);
    expect(topicOfEventType('SessionScheduled')).toBe('coordination.planning.events');
    expect(() => encodeEnvelope({ ...envelope, type: 'NeverHeardOf' })).toThrow('"NeverHeardOf" is not in the catalogue');
  });

  it.each([
    ['no value', null, 'has no value'],
    ['not JSON', '{', 'not JSON'],
    ['not an object', '[1]', 'missing or malformed'],
    ['a bad position', JSON.stringify({ ...envelope, position: '12' }), 'position'],
    ['no actor', JSON.stringify({ ...envelope, actor: null }), 'actor'],
    ['a numeric command id', JSON.stringify({ ...envelope, commandId: 7 }), 'commandId'],
    ['no data', JSON.stringify({ ...envelope, data: undefined }), 'data'],
  ])('refuses a record with %s', (_case, value, reason) => {
    expect(() => decodeEnvelope(value)).toThrow(UndecodableRecordError);
    expect(() => decodeEnvelope(value)).toThrow(reason);
  });
});
