import { DynamicModule, Module } from '@nestjs/common';
import type { Logger } from 'pino';
import { ActionPlansReadSideModule } from '@coord/action-plans-feature';
import { AidDeliveriesReadSideModule } from '@coord/aid-deliveries-feature';
import { LiaisonReadSideModule } from '@coord/liaison-feature';
import { PictureModule } from '@coord/picture-feature';
import { PlanningReadSideModule } from '@coord/planning-feature';
import { ReferenceDataModule } from '@coord/reference-data';
import { PlatformConfig, READ_MODEL_SUBGRAPH, serviceModule, ServiceRole } from '@coord/runtime';
import { subgraphs } from './subgraphs';

/**
 * Reference data has no service of its own: it is small, read by everyone, and its commands
 * (organisations, the gazetteer, location imports) are rare, so the read-model service keeps its
 * command side and relays its events.
 */
export const ROLE = { kind: 'read-model', name: 'read-model-service', contexts: ['reference'] } as const satisfies ServiceRole;

/**
 * The read-model service: projects every topic into PostgreSQL (one consumer group, which reads the
 * log itself up to each notice), serves every query and subscription, the picture and the 3W
 * export, reference data, and the cross-context policies (decision → action).
 */
@Module({})
export class ReadModelServiceModule {
  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    return serviceModule(ReadModelServiceModule, config, logger, {
      role: ROLE,
      sdl: subgraphs().sdl[READ_MODEL_SUBGRAPH],
      subscriptions: true,
      features: [ReferenceDataModule, AidDeliveriesReadSideModule, PlanningReadSideModule, LiaisonReadSideModule, ActionPlansReadSideModule, PictureModule],
    });
  }
}
