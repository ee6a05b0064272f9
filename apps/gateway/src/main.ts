import { ConfigurationError, createLogger } from '@coord/runtime';
import { startGateway } from './gateway';
import { loadGatewayConfig } from './gateway-config';

const main = async () => {
  let config;
  try {
    config = loadGatewayConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`configuration error: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  process.env.SERVICE_NAME ??= 'gateway';
  const logger = createLogger(config.logLevel);
  const gateway = await startGateway(config, logger);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void gateway.close().then(() => process.exit(0));
    });
  }
};

main().catch((error) => {
  console.error('the gateway failed to start:', error);
  process.exit(1);
});
