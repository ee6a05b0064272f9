import 'reflect-metadata';
import compression from 'compression';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createLogger, loadPlatformConfig, mountWebDashboard, PinoNestLogger, PlatformConfig } from '@coord/runtime';
import { AppModule } from './app.module';

/** Builds and starts the platform; tests call it with their own configuration. */
export const startPlatform = async (config: PlatformConfig = loadPlatformConfig()) => {
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, logger), {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
  });
  app.useBodyParser('text', { type: ['text/csv', 'text/plain'], limit: '50mb' });
  // GraphQL answers (a 3W matrix, a page of deliveries) are JSON that shrinks 5–10×: on a 400 kbit/s
  // link that is most of their time. The dashboard's files come compressed already and pass as they are.
  app.use(compression({ threshold: 1024 }));
  // The dashboard at `/` (apps/web/dist); WEB_DIST_DIR points elsewhere, e.g. in an image.
  mountWebDashboard(app, process.env.WEB_DIST_DIR ? { distDir: process.env.WEB_DIST_DIR } : {});
  app.enableShutdownHooks();
  await app.listen(config.port, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, dataDir: config.dataDir, embedded: config.embedded }, `platform listening on http://localhost:${port}/graphql`);
  return { app, port, logger };
};
