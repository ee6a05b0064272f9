import type { EventEnvelope } from '../envelope/envelope';

/**
 * An envelope as the bus delivers it, for specs of code that consumes the bus (publishers, relays,
 * fault hooks): the n-th event of one stream at position n:n; a spec overrides only what it is about.
 */
export const anEnvelope = (n: number, overrides: Partial<EventEnvelope> = {}): EventEnvelope => ({
  eventId: `e-${n}`,
  type: 'DeliveryDispatched',
  schemaVersion: 1,
  streamId: 'AidDelivery-1',
  streamVersion: n,
  position: `${n}:${n}`,
  occurredAt: '2026-03-02T11:00:00.000Z',
  actor: { userId: 'u-wfp', organizationId: 'org-wfp' },
  commandId: null,
  data: {},
  ...overrides,
});
