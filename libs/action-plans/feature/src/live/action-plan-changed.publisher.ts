import { Inject, Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { PubSubEngine } from 'graphql-subscriptions';
import type { Logger } from 'pino';
import { ACTION_PLAN_STREAM, type EventEnvelope } from '@coord/contracts';
import { ActionPlanQueries, ProjectionRunner } from '@coord/read-model';
import { LOGGER, PUB_SUB } from '@coord/runtime';
import { ACTION_PLAN_CHANGED_TRIGGER } from './action-plan-changed';

/**
 * Publishes each plan a batch changed, from what the projections applied, never from the command
 * handler (STYLE.md, after Eventuous's gateway): a subscriber is told only once the change is in the
 * read model it then queries, and a command retried after a crash cannot announce twice.
 */
@Injectable()
export class ActionPlanChangedPublisher implements OnModuleInit, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;
  /** Batches are published one after the other, so a plan's states go out in log order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly plans: ActionPlanQueries,
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
    // Several events of one plan in a batch are one change to its subscribers: the plan as it now is.
    const planIds = [...new Set(events.filter((event) => event.streamId.startsWith(`${ACTION_PLAN_STREAM}-`)).map((event) => event.streamId))];
    for (const planId of planIds) {
      try {
        const plan = await this.plans.plan(planId);
        if (plan) await this.pubSub.publish(ACTION_PLAN_CHANGED_TRIGGER, { plan });
      } catch (error) {
        // The read model has the change either way; one failed push must not stop the next.
        this.logger.error({ err: error, planId }, 'action plan change not published');
      }
    }
  }
}
