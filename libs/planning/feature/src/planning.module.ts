import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PlanningQueries } from '@coord/read-model';
import { READ_MODEL_DATA_SOURCE } from '@coord/runtime';
import { ActionItemResolver } from './graphql/action-item.resolver';
import { CommitteeCommandsResolver } from './graphql/committee-commands.resolver';
import { CommitteeQueriesResolver } from './graphql/committee-queries.resolver';
import { SessionResolver } from './graphql/session.resolver';

const planningQueries = {
  provide: PlanningQueries,
  inject: [READ_MODEL_DATA_SOURCE],
  useFactory: (dataSource: DataSource) => new PlanningQueries(dataSource),
};

/** The command side: what the planning service hosts in the distributed shape. */
@Module({ providers: [planningQueries, CommitteeCommandsResolver] })
export class PlanningCommandsModule {}

/** The read side: what the read-model service hosts in the distributed shape. */
@Module({ providers: [planningQueries, CommitteeQueriesResolver, SessionResolver, ActionItemResolver] })
export class PlanningReadSideModule {}

/** Both sides, for the all-in-one platform. */
@Module({ imports: [PlanningCommandsModule, PlanningReadSideModule] })
export class PlanningModule {}
