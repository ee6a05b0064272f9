import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { Logger } from 'pino';
import type { ConcernRaised, EventEnvelope } from '@coord/contracts';
import { LiaisonMeetingQueries, ProjectionRunner } from '@coord/read-model';
import { LOGGER, PUB_SUB } from '@coord/runtime';
import { EARLY_WARNING_TRIGGER, EarlyWarning } from './early-warning';

/**
 * Publishes CRITICAL concerns from what the projections applied, never from the command handler
 * (STYLE.md, after Eventuous's gateway): a warning goes out only once the concern is in the read
 * model every subscriber then queries, and a command retried after a crash cannot announce twice.
 */
@Injectable()
export class EarlyWarningPublisher implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;
  /** Batches are published one after the other, so warnings go out in log order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly liaison: LiaisonMeetingQueries,
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
    for (const event of events) {
      if (event.type !== 'ConcernRaised') continue;
      const { meetingId, concernId, severity } = event.data as ConcernRaised['data'];
      if (severity !== 'CRITICAL') continue;
      try {
        const concern = await this.liaison.concern(meetingId, concernId);
        if (!concern) continue;
        const warning: EarlyWarning = { concern, areas: await this.liaison.placesContaining(concern.locationPcode) };
        await this.pubSub.publish(EARLY_WARNING_TRIGGER, warning);
      } catch (error) {
        // The read model has the concern either way; one failed push must not stop the next.
        this.logger.error({ err: error, concernId }, 'early warning not published');
      }
    }
  }
}
