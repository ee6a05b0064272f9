import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { ConfigurationError, loadPlatformConfig, PlatformConfig } from '../config/platform-config';
import { assertDistributedConfig, ServiceRole } from '../config/service-role';
import { createLogger, PinoNestLogger } from '../logging/logger';

export type ServiceModuleFactory = (config: PlatformConfig, logger: Logger) => DynamicModule;

/** Builds and starts one service of the distributed shape, as the platform's bootstrap does. */
export const startService = async (role: ServiceRole, moduleFor: ServiceModuleFactory, config: PlatformConfig = loadPlatformConfig()) => {
  assertDistributedConfig(config, role);
  // Every log line names its service; SERVICE_NAME, when set, tells replicas apart.
  process.env.SERVICE_NAME ??= role.kind === 'all-in-one' ? 'platform' : role.name;
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(moduleFor(config, logger), { logger: new PinoNestLogger(logger), bufferLogs: false });
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '50mb' });
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port }, `service listening on http://localhost:${port}/graphql`);
  return { app, port, logger };
};

/** A service's `main`: configuration errors exit with 78 (EX_CONFIG), anything else with 1. */
export const runService = (role: ServiceRole, moduleFor: ServiceModuleFactory): void => {
  startService(role, moduleFor).catch((error) => {
    if (error instanceof ConfigurationError) {
      console.error(`configuration error: ${error.message}`);
      process.exit(78);
    }
    console.error(`the ${role.kind === 'all-in-one' ? 'platform' : role.name} service failed to start:`, error);
    process.exit(1);
  });
};
