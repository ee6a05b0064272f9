import { runService } from '@coord/runtime';
import { LiaisonServiceModule, ROLE } from './liaison-service.module';

runService(ROLE, (config, logger) => LiaisonServiceModule.forRoot(config, logger));
