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

/** The command side: what the action-plan service hosts in the distributed shape. */
@Module({ providers: [ActionPlanCommandsResolver] })
export class ActionPlansCommandsModule {}

/**
 * The read side: queries, live changes and the decision → action policy, which the read-model
 * service hosts in the distributed shape (it reacts to planning's events, which that service consumes).
 */
@Module({
  providers: [
    { provide: ActionPlanQueries, inject: [READ_MODEL_DATA_SOURCE], useFactory: (dataSource: DataSource) => new ActionPlanQueries(dataSource) },
    ActionPlanQueriesResolver,
    ActionResolver,
    ReviewCommentResolver,
    ActionPlanChangeResolver,
    ActionPlanChangedResolver,
    ActionPlanChangedPublisher,
    DecisionToActionPolicy,
  ],
})
export class ActionPlansReadSideModule {}

/** Both sides, for the all-in-one platform. */
@Module({ imports: [ActionPlansCommandsModule, ActionPlansReadSideModule] })
export class ActionPlansModule {}
