import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from 'pino';
import { ActionPlansModule } from '@coord/action-plans-feature';
import { AidDeliveriesModule } from '@coord/aid-deliveries-feature';
import { LiaisonModule } from '@coord/liaison-feature';
import { PictureModule } from '@coord/picture-feature';
import { PlanningModule } from '@coord/planning-feature';
import { ReferenceDataModule } from '@coord/reference-data';
import {
  CoordinationGraphQLModule,
  DevSignInController,
  DomainErrorFilter,
  HealthController,
  InfrastructureModule,
  MetricsController,
  PlatformConfig,
} from '@coord/runtime';
import { contextTypeDefs } from './served-type-defs';

/** The all-in-one process: every context, the read model and the API over embedded or real storage. */
@Module({})
export class AppModule {
  static forRoot(config: PlatformConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config, logger),
        CoordinationGraphQLModule.forRoot(contextTypeDefs),
        ReferenceDataModule,
        AidDeliveriesModule,
        PlanningModule,
        LiaisonModule,
        ActionPlansModule,
        PictureModule,
      ],
      controllers: [HealthController, MetricsController, DevSignInController],
      providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
    };
  }
}
