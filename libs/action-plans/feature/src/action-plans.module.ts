import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ActionPlanQueries } from '@coord/read-model';
import { READ_MODEL_DATA_SOURCE } from '@coord/runtime';
import { ActionPlanChangeResolver } from './graphql/action-plan-change.resolver';
import { ActionPlanChangedResolver } from './graphql/action-plan-changed.resolver';
import { ActionPlanCommandsResolver } from './graphql/action-plan-commands.resolver';
import { ActionPlanQueriesResolver } from './graphql/action-plan-queries.resolver';
import { ActionResolver } from './graphql/action.resolver';
import { ReviewCommentResolver } from './graphql/review-comment.resolver';
import { ActionPlanChangedPublisher } from './live/action-plan-changed.publisher';
import { DecisionToActionPolicy } from './policy/decision-to-action.policy';

@Module({
  providers: [
    { provide: ActionPlanQueries, inject: [READ_MODEL_DATA_SOURCE], useFactory: (dataSource: DataSource) => new ActionPlanQueries(dataSource) },
    ActionPlanCommandsResolver,
    ActionPlanQueriesResolver,
    ActionResolver,
    ReviewCommentResolver,
    ActionPlanChangeResolver,
    ActionPlanChangedResolver,
    ActionPlanChangedPublisher,
    DecisionToActionPolicy,
  ],
})
export class ActionPlansModule {}
