import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { EVENT_STORE, type EventStore } from '@coord/event-store';
import { ProjectionRunner } from '@coord/read-model';
import { LOGGER } from '@coord/runtime';

/** The runner of the asynchronous views (the shared picture), apart from the platform's own. */
export const PICTURE_RUNNER = Symbol('PICTURE_RUNNER');

const RETRY_MS = 1_000;

/**
 * Keeps the picture's projection behind the platform's, never ahead: after each batch the platform
 * applied, it reads the log from its own checkpoint up to the position the platform has applied.
 * Every event up to that position was committed and published (the relay saw to it, on PostgreSQL
 * below the oldest open transaction), so reading the log there skips nothing. At start it catches
 * up to the head, as the platform's projections do before the relay runs.
 */
@Injectable()
export class PictureFollower implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private unsubscribe: (() => void) | null = null;
  private following: Promise<void> = Promise.resolve();
  /** A catch-up is queued: it will cover every batch announced until it starts. */
  private queued = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    @Inject(PICTURE_RUNNER) private readonly picture: ProjectionRunner,
    private readonly platform: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.platform.onApplied(() => void this.follow());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.picture.catchUp(this.store);
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
    if (this.retry) clearTimeout(this.retry);
  }

  follow(): Promise<void> {
    if (this.queued) return this.following;
    this.queued = true;
    this.following = this.following.then(async () => {
      this.queued = false;
      const applied = this.platform.appliedPosition();
      try {
        if (applied) await this.picture.catchUp(this.store, applied);
      } catch (error) {
        // The log still has it all: try again shortly rather than wait for the next batch.
        this.logger.error({ err: error }, 'the picture could not follow the read model; retrying');
        this.retry ??= setTimeout(() => {
          this.retry = null;
          void this.follow();
        }, RETRY_MS);
        this.retry.unref();
      }
    });
    return this.following;
  }
}
