import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ActionPlansCommandsModule } from '@coord/action-plans-feature';
import { PlatformConfig, serviceModule, ServiceRole } from '@coord/runtime';
import { subgraphs } from './subgraphs';

export const ROLE = { kind: 'context', name: 'action-plan-service', contexts: ['action-plans'] } as const satisfies ServiceRole;

/** The action-plan service: action plans' commands, and the relay of action-plans' events (the policy's included). */
@Module({})
export class ActionPlanServiceModule {
  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    return serviceModule(ActionPlanServiceModule, config, logger, {
      role: ROLE,
      sdl: subgraphs().sdl['action-plans'],
      subscriptions: false,
      features: [ActionPlansCommandsModule],
    });
  }
}
