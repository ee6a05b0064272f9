import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope } from '@coord/contracts';
import { InProcessEventBus } from '../in-process/in-process-event-bus';
import { FAULT_KILL_BEFORE_PUBLISH, FAULT_ONCE_FILE, withFaultInjection } from './kill-before-publish';
import { anEnvelope } from '@coord/contracts/testing';

const event = (type: string, position: number): EventEnvelope => anEnvelope(position, { type });

describe('fault injection: kill before publish', () => {
  it('leaves the bus untouched when the variable is not set', () => {
    const bus = new InProcessEventBus();
    expect(withFaultInjection(bus, {})).toBe(bus);
    expect(withFaultInjection(bus, { [FAULT_KILL_BEFORE_PUBLISH]: ' ' })).toBe(bus);
  });

  it('dies before a batch with the chosen type reaches the bus, and publishes every other batch', async () => {
    const bus = new InProcessEventBus();
    const seen: string[] = [];
    bus.subscribe('probe', async (events) => {
      seen.push(...events.map((received) => received.type));
    });
    const kill = jest.fn();
    const faulty = withFaultInjection(bus, { [FAULT_KILL_BEFORE_PUBLISH]: 'DeliveryDispatched' }, { kill });

    await faulty.publish([event('DeliveryPlanned', 1)]);
    await expect(faulty.publish([event('DeliveryPlanned', 2), event('DeliveryDispatched', 3)])).rejects.toThrow('fault injection');

    expect(kill).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['DeliveryPlanned']);
  });

  it('fires once per once-file: the restarted process, with the same environment, publishes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fault-once-'));
    try {
      const once = join(dir, 'fired');
      const env = { [FAULT_KILL_BEFORE_PUBLISH]: 'DeliveryPlanned', [FAULT_ONCE_FILE]: once };
      const kill = jest.fn();
      await expect(withFaultInjection(new InProcessEventBus(), env, { kill }).publish([event('DeliveryPlanned', 1)])).rejects.toThrow();
      expect(existsSync(once)).toBe(true);

      const restarted = withFaultInjection(new InProcessEventBus(), env, { kill });
      await restarted.publish([event('DeliveryPlanned', 1)]);
      expect(kill).toHaveBeenCalledTimes(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
