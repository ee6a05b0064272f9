import { runService } from '@coord/runtime';
import { PlanningServiceModule, ROLE } from './planning-service.module';

runService(ROLE, (config, logger) => PlanningServiceModule.forRoot(config, logger));
