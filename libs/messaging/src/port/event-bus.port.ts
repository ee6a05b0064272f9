import type { EventEnvelope } from '@coord/contracts';

export type BatchHandler = (events: readonly EventEnvelope[]) => Promise<void>;

/**
 * Carries published events to subscribers (projections, policies). `publish` resolves only when the
 * bus has acknowledged the batch: in-process, when every subscriber handled it; on Kafka, when the
 * brokers acknowledged the write. The relay advances its checkpoint only after that.
 */
export interface EventBus {
  publish(events: readonly EventEnvelope[]): Promise<void>;
  subscribe(name: string, handler: BatchHandler): void;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_BUS = Symbol('EVENT_BUS');
