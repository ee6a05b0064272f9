import { closeSync, openSync } from 'node:fs';
import type { EventEnvelope } from '@coord/contracts';
import type { EventBus } from '../port/event-bus.port';

/**
 * FAULT INJECTION, for the distributed fault tests only; off unless the variable is set.
 * `COORD_FAULT_KILL_BEFORE_PUBLISH=<event type>` makes the process SIGKILL itself when its relay is
 * about to publish a batch holding an event of that type: the event is in the log (the relay read
 * it there), the bus never saw it, and the relay's checkpoint is still before it. That is the crash
 * between append and publish which the relay must survive: after a restart the event goes out.
 */
export const FAULT_KILL_BEFORE_PUBLISH = 'COORD_FAULT_KILL_BEFORE_PUBLISH';
/**
 * Optional: a file the fault creates as it fires, and that stops it from firing again, so that the
 * restarted process (same environment) publishes the event instead of dying again.
 */
export const FAULT_ONCE_FILE = 'COORD_FAULT_ONCE_FILE';

/** Claims the once-file; false when an earlier run already fired the fault. */
const claimOnce = (path: string | undefined): boolean => {
  if (!path) return true;
  try {
    closeSync(openSync(path, 'wx'));
    return true;
  } catch {
    return false;
  }
};

export interface FaultInjection {
  /** Called instead of returning when the fault fires; SIGKILL by default, as `kill -9` would. */
  readonly kill?: () => void;
}

/** The bus as it is, or, when the fault is switched on in `env`, one that dies before publishing the chosen event type. */
export const withFaultInjection = (bus: EventBus, env: NodeJS.ProcessEnv, injection: FaultInjection = {}): EventBus => {
  const type = env[FAULT_KILL_BEFORE_PUBLISH]?.trim();
  if (!type) return bus;
  const kill = injection.kill ?? (() => process.kill(process.pid, 'SIGKILL'));
  const once = env[FAULT_ONCE_FILE]?.trim() || undefined;
  return {
    publish: async (events: readonly EventEnvelope[]) => {
      if (events.some((event) => event.type === type) && claimOnce(once)) {
        kill();
        throw new Error(`fault injection: killed before publishing ${type}`);
      }
      await bus.publish(events);
    },
    subscribe: (name, handler) => bus.subscribe(name, handler),
    ping: () => bus.ping(),
    close: () => bus.close(),
  };
};
