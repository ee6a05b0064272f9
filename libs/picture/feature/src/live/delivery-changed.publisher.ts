import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { Logger } from 'pino';
import { AID_DELIVERY_STREAM, type EventEnvelope } from '@coord/contracts';
import { PictureQueries, ProjectionRunner, ReadModelQueries } from '@coord/read-model';
import { LOGGER, PUB_SUB } from '@coord/runtime';
import { DELIVERY_CHANGED_TRIGGER, DeliveryChanged } from './delivery-changed';

/**
 * Publishes each delivery a batch changed, as the read model now has it, once the platform's
 * projections applied the batch: what `aidDelivery` would answer at that moment.
 */
@Injectable()
export class DeliveryChangedPublisher implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly deliveries: ReadModelQueries,
    private readonly picture: PictureQueries,
    @Inject(PUB_SUB) private readonly pubSub: PubSubEngine,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.runner.onApplied((events) => {
      this.queue = this.queue.then(() => this.publish(events));
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  async publish(events: readonly EventEnvelope[]): Promise<void> {
    // Several events of one delivery in a batch are one change: the delivery as it now is.
    const ids = [...new Set(events.filter((event) => event.streamId.startsWith(`${AID_DELIVERY_STREAM}-`)).map((event) => event.streamId))];
    if (ids.length === 0) return;
    try {
      const views = new Map((await this.deliveries.deliveriesByIds(ids)).map((view) => [view.id, view]));
      const areas = await this.picture.areasOf([...views.values()].map((view) => view.destinationPcode));
      for (const id of ids) {
        const delivery = views.get(id);
        if (!delivery) continue;
        const change: DeliveryChanged = { delivery, areas: areas.get(delivery.destinationPcode) ?? [delivery.destinationPcode] };
        await this.pubSub.publish(DELIVERY_CHANGED_TRIGGER, change);
      }
    } catch (error) {
      this.logger.error({ err: error, deliveryIds: ids }, 'delivery changes not published');
    }
  }
}
