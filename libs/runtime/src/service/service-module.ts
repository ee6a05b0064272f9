import type { DynamicModule, ModuleMetadata, Type } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from 'pino';
import type { PlatformConfig } from '../config/platform-config';
import type { ServiceRole } from '../config/service-role';
import { CoordinationGraphQLModule } from '../graphql/graphql.module';
import { HealthController } from '../health/health.controller';
import { DomainErrorFilter } from '../http/domain-error.filter';
import { InfrastructureModule } from '../infrastructure/infrastructure.module';
import { MetricsController } from '../metrics/metrics.controller';

export interface ServiceModuleOptions {
  readonly role: Exclude<ServiceRole, { kind: 'all-in-one' }>;
  /** This service's Federation 2 SDL, cut from the platform's schema by splitSubgraphs. */
  readonly sdl: string;
  readonly subscriptions: boolean;
  /** The feature modules this service hosts. */
  readonly features: NonNullable<ModuleMetadata['imports']>;
}

/**
 * One service of the distributed shape: the platform's infrastructure in the service's role, its
 * share of the API as a subgraph, its features, and the same health, metrics and error handling.
 */
export const serviceModule = (target: Type, config: PlatformConfig, logger: Logger, options: ServiceModuleOptions): DynamicModule => ({
  module: target,
  imports: [
    InfrastructureModule.forRoot(config, logger, options.role),
    CoordinationGraphQLModule.forRoot([], { sdl: options.sdl, subscriptions: options.subscriptions }),
    ...options.features,
  ],
  controllers: [HealthController, MetricsController],
  providers: [{ provide: APP_FILTER, useClass: DomainErrorFilter }],
});
