import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { Logger } from 'pino';
import type { EventEnvelope } from '@coord/contracts';
import { PictureQueries, ProjectionRunner } from '@coord/read-model';
import { LOGGER, PUB_SUB } from '@coord/runtime';
import { PICTURE_RUNNER } from '../follower/picture-follower';
import { PICTURE_CHANGED_TRIGGER } from './picture-changed';

/**
 * Publishes the cells of the picture each batch changed, once the picture's projection has applied
 * it (never from the command handler): a subscriber is told only what a query would then answer.
 */
@Injectable()
export class PictureChangedPublisher implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;
  /** Batches are published one after the other, so a cell's states go out in log order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    @Inject(PICTURE_RUNNER) private readonly runner: ProjectionRunner,
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
    try {
      for (const change of await this.picture.changesFrom(events)) await this.pubSub.publish(PICTURE_CHANGED_TRIGGER, change);
    } catch (error) {
      // The picture has the change either way; the next batch is published regardless.
      this.logger.error({ err: error }, 'picture change not published');
    }
  }
}
