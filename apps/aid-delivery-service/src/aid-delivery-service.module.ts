import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { AidDeliveriesCommandsModule } from '@coord/aid-deliveries-feature';
import { PlatformConfig, serviceModule, ServiceRole } from '@coord/runtime';
import { subgraphs } from './subgraphs';

export const ROLE = { kind: 'context', name: 'aid-delivery-service', contexts: ['aid-deliveries'] } as const satisfies ServiceRole;

/** The aid-delivery service: deliveries' commands and the 3W import, and the relay of aid-deliveries' events. */
@Module({})
export class AidDeliveryServiceModule {
  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    return serviceModule(AidDeliveryServiceModule, config, logger, {
      role: ROLE,
      sdl: subgraphs().sdl['aid-deliveries'],
      subscriptions: false,
      features: [AidDeliveriesCommandsModule],
    });
  }
}
