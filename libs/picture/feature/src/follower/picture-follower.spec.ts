import type { EventStore } from '@coord/event-store';
import type { ProjectionRunner } from '@coord/read-model';
import type { Logger } from 'pino';
import { PictureFollower } from './picture-follower';

describe('the picture following the platform’s projections', () => {
  let announce: () => void;
  let applied: string | null;
  let catchUps: (string | undefined)[];
  let failures: number;
  let errors: unknown[];
  let follower: PictureFollower;
  const store = {} as EventStore;

  beforeEach(() => {
    applied = null;
    catchUps = [];
    failures = 0;
    errors = [];
    const platform = {
      onApplied: (listener: () => void) => ((announce = listener), () => undefined),
      appliedPosition: () => applied,
    } as unknown as ProjectionRunner;
    const picture = {
      catchUp: async (given: EventStore, until?: string) => {
        expect(given).toBe(store);
        if (failures > 0) {
          failures -= 1;
          throw new Error('read model unreachable');
        }
        catchUps.push(until);
        return 0;
      },
    } as unknown as ProjectionRunner;
    const logger = { error: (details: unknown) => errors.push(details) } as unknown as Logger;
    follower = new PictureFollower(picture, platform, store, logger);
    follower.onModuleInit();
  });
  afterEach(() => follower.onModuleDestroy());

  it('catches up to the head of the log at start, as the platform’s projections do', async () => {
    await follower.onApplicationBootstrap();
    expect(catchUps).toEqual([undefined]);
  });

  it('after each batch the platform applied, reads the log up to the position the platform has applied, never beyond', async () => {
    applied = '5:5';
    announce();
    await follower.follow();
    expect(catchUps).toEqual(['5:5']);
  });

  it('takes every batch announced while it waits in one catch-up', async () => {
    applied = '6:6';
    announce();
    announce();
    announce();
    await follower.follow();
    expect(catchUps).toEqual(['6:6']);
  });

  it('does nothing while the platform has applied nothing', async () => {
    announce();
    await follower.follow();
    expect(catchUps).toEqual([]);
  });

  it('logs a failed catch-up and tries again without waiting for the next batch', async () => {
    jest.useFakeTimers();
    try {
      applied = '7:7';
      failures = 1;
      await follower.follow();
      expect(errors).toHaveLength(1);
      expect(catchUps).toEqual([]);
      await jest.advanceTimersByTimeAsync(1_000);
      for (let tick = 0; tick < 5; tick += 1) await Promise.resolve();
      expect(catchUps).toEqual(['7:7']);
    } finally {
      jest.useRealTimers();
    }
  });
});
