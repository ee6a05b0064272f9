import { runService } from '@coord/runtime';
import { ReadModelServiceModule, ROLE } from './read-model-service.module';

runService(ROLE, (config, logger) => ReadModelServiceModule.forRoot(config, logger));
