import { runService } from '@coord/runtime';
import { AidDeliveryServiceModule, ROLE } from './aid-delivery-service.module';

runService(ROLE, (config, logger) => AidDeliveryServiceModule.forRoot(config, logger));
