import { ConfigurationError, loadPlatformConfig } from '@coord/runtime';
import { startPlatform } from './bootstrap';

const main = async () => {
  let config;
  try {
    config = loadPlatformConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`configuration error: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  await startPlatform(config);
};

main().catch((error) => {
  console.error('the platform failed to start:', error);
  process.exit(1);
});
