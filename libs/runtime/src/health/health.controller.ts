import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { DataSource } from 'typeorm';
import { EVENT_STORE, EventStore } from '@coord/event-store';
import { EVENT_BUS, EventBus } from '@coord/messaging';
import { READ_MODEL_DATA_SOURCE } from '../infrastructure/tokens';

const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(READ_MODEL_DATA_SOURCE) private readonly readModel: DataSource,
  ) {}

  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** Ready only when the log, the bus and the read model all answer: a load balancer routes on this. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) response: Response) {
    const probe = async (check: () => Promise<unknown>) => {
      try {
        await within(check(), 2000);
        return { status: 'up' };
      } catch (error) {
        return { status: 'down', error: error instanceof Error ? error.message : String(error) };
      }
    };
    const checks = {
      eventStore: await probe(() => this.store.ping()),
      bus: await probe(() => this.bus.ping()),
      readModel: await probe(() => this.readModel.query('SELECT 1')),
    };
    const ready = Object.values(checks).every((check) => check.status === 'up');
    response.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'unavailable', checks };
  }
}
