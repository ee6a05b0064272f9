import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { LiaisonCommandsModule } from '@coord/liaison-feature';
import { PlatformConfig, serviceModule, ServiceRole } from '@coord/runtime';
import { subgraphs } from './subgraphs';

export const ROLE = { kind: 'context', name: 'liaison-service', contexts: ['liaison'] } as const satisfies ServiceRole;

/** The liaison service: liaison meetings' commands, and the relay of liaison's events. */
@Module({})
export class LiaisonServiceModule {
  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    return serviceModule(LiaisonServiceModule, config, logger, {
      role: ROLE,
      sdl: subgraphs().sdl['liaison'],
      subscriptions: false,
      features: [LiaisonCommandsModule],
    });
  }
}
