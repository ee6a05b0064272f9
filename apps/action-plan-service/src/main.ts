import { runService } from '@coord/runtime';
import { ActionPlanServiceModule, ROLE } from './action-plan-service.module';

runService(ROLE, (config, logger) => ActionPlanServiceModule.forRoot(config, logger));
