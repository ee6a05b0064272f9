import { comparePositions, parsePosition } from '@coord/kernel';
import {
  commandEventId,
  compareEsdbPositions,
  EsdbStreamNames,
  formatEsdbPosition,
  NO_STREAM_REVISION,
  parseEsdbPosition,
  toEnvelope,
  toExpectedRevision,
  versionAfterRevision,
  versionOfCurrentRevision,
} from './eventstoredb-mapping';

describe('EventStoreDB mapping', () => {
  describe('positions', () => {
    it('travel as "<commit>:<prepare>" and back, beyond 2^53', () => {
      const position = { commit: 18_446_744_073_709_551_000n, prepare: 9_007_199_254_740_993n };

      expect(formatEsdbPosition(position)).toBe('18446744073709551000:9007199254740993');
      expect(parseEsdbPosition(formatEsdbPosition(position))).toEqual(position);
      expect(() => parseEsdbPosition('12')).toThrow('not a log position');
    });

    it('order by commit, then prepare, as the kernel orders them', () => {
      const pairs = [
        [{ commit: 10n, prepare: 10n }, { commit: 10n, prepare: 12n }],
        [{ commit: 9n, prepare: 20n }, { commit: 10n, prepare: 5n }],
        [{ commit: 7n, prepare: 7n }, { commit: 7n, prepare: 7n }],
      ] as const;
      for (const [a, b] of pairs) {
        expect(compareEsdbPositions(a, b)).toBe(comparePositions(parsePosition(formatEsdbPosition(a)), parsePosition(formatEsdbPosition(b))));
      }
      expect(compareEsdbPositions(pairs[0][0], pairs[0][1])).toBe(-1);
      expect(compareEsdbPositions(pairs[1][1], pairs[1][0])).toBe(1);
      expect(compareEsdbPositions(pairs[2][0], pairs[2][1])).toBe(0);
    });
  });

  describe('expected revision', () => {
    it('is NO_STREAM for a new stream and the last revision (version - 1) otherwise', () => {
      expect(toExpectedRevision(0)).toBe(NO_STREAM_REVISION);
      expect(toExpectedRevision(1)).toBe(0n);
      expect(toExpectedRevision(42)).toBe(41n);
      expect(versionAfterRevision(41n)).toBe(42);
    });

    it('refuses what is not a version', () => {
      for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => toExpectedRevision(bad)).toThrow('not a stream version');
    });

    it('reports the version a conflict found, or null for no stream', () => {
      expect(versionOfCurrentRevision(4n)).toBe(5);
      expect(versionOfCurrentRevision(NO_STREAM_REVISION)).toBeNull();
      expect(versionOfCurrentRevision(-1n)).toBeNull();
    });
  });

  describe('event ids of a command', () => {
    it('are the same UUIDs (v5) on every retry, one per event', () => {
      const first = [0, 1, 2].map((index) => commandEventId('user-1|c-1', index));
      const retry = [0, 1, 2].map((index) => commandEventId('user-1|c-1', index));

      expect(retry).toEqual(first);
      expect(new Set(first).size).toBe(3);
      for (const id of first) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it('differ between two users sending the same commandId', () => {
      expect(commandEventId('user-a|c-1', 0)).not.toBe(commandEventId('user-b|c-1', 0));
    });
  });

  describe('stream names', () => {
    it('keep commands, checkpoints, system streams and other namespaces out of the domain log', () => {
      const names = new EsdbStreamNames('run-7-');

      expect(names.events('AidDelivery-1')).toBe('run-7-AidDelivery-1');
      expect(names.streamIdOf(names.events('AidDelivery-1'), 'DeliveryPlanned')).toBe('AidDelivery-1');
      expect(names.streamIdOf(names.command('user-1|c-1'), 'CommandRecorded')).toBeNull();
      expect(names.streamIdOf(names.checkpoint('relay'), 'CheckpointSaved')).toBeNull();
      expect(names.streamIdOf('run-8-AidDelivery-1', 'DeliveryPlanned')).toBeNull();
      expect(names.streamIdOf('$$run-7-_checkpoint-relay', '$metadata')).toBeNull();
      expect(names.streamIdOf('run-7-AidDelivery-1', '$>')).toBeNull();
      expect(new EsdbStreamNames().streamIdOf('$stats-127.0.0.1:2113', '$statsCollected')).toBeNull();
    });
  });

  describe('envelope', () => {
    const recorded = {
      id: '7d2c1c1e-2d0a-4c55-8b0f-6a1f3f1b2c3d',
      streamId: 'run-7-AidDelivery-1',
      type: 'DeliveryPlanned',
      revision: 2n,
      data: { deliveryId: 'AidDelivery-1' },
      metadata: { schemaVersion: 1, occurredAt: '2026-03-01T08:00:00.000Z', actor: { userId: 'u', organizationId: 'o' }, commandId: 'c-1' },
      position: { commit: 120n, prepare: 118n },
    };

    it('is made of the recorded event and its metadata', () => {
      expect(toEnvelope(recorded, 'AidDelivery-1')).toEqual({
        eventId: recorded.id,
        type: 'DeliveryPlanned',
        schemaVersion: 1,
        streamId: 'AidDelivery-1',
        streamVersion: 3,
        position: '120:118',
        occurredAt: '2026-03-01T08:00:00.000Z',
        actor: { userId: 'u', organizationId: 'o' },
        commandId: 'c-1',
        data: { deliveryId: 'AidDelivery-1' },
      });
    });

    it('refuses an event without a position or without the platform metadata', () => {
      expect(() => toEnvelope({ ...recorded, position: undefined }, 'AidDelivery-1')).toThrow('no position');
      expect(() => toEnvelope({ ...recorded, metadata: {} }, 'AidDelivery-1')).toThrow('not written by this platform');
    });
  });
});
