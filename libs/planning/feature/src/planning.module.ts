import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { PlanningQueries } from '@coord/read-model';
import { READ_MODEL_DATA_SOURCE } from '@coord/runtime';
import { ActionItemResolver } from './graphql/action-item.resolver';
import { CommitteeCommandsResolver } from './graphql/committee-commands.resolver';
import { CommitteeQueriesResolver } from './graphql/committee-queries.resolver';
import { SessionResolver } from './graphql/session.resolver';

@Module({
  providers: [
    { provide: PlanningQueries, inject: [READ_MODEL_DATA_SOURCE], useFactory: (dataSource: DataSource) => new PlanningQueries(dataSource) },
    CommitteeCommandsResolver,
    CommitteeQueriesResolver,
    SessionResolver,
    ActionItemResolver,
  ],
})
export class PlanningModule {}
