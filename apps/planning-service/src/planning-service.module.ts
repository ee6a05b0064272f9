import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { PlanningCommandsModule } from '@coord/planning-feature';
import { PlatformConfig, serviceModule, ServiceRole } from '@coord/runtime';
import { subgraphs } from './subgraphs';

export const ROLE = { kind: 'context', name: 'planning-service', contexts: ['planning'] } as const satisfies ServiceRole;

/** The planning service: joint planning committees' commands, and the relay of planning's events. */
@Module({})
export class PlanningServiceModule {
  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    return serviceModule(PlanningServiceModule, config, logger, {
      role: ROLE,
      sdl: subgraphs().sdl['planning'],
      subscriptions: false,
      features: [PlanningCommandsModule],
    });
  }
}
