import { Module } from '@nestjs/common';
import { LIAISON_MEETING_STREAM } from '@coord/contracts';
import { LiaisonMeetingQueries } from '@coord/read-model';
import { HistoryRedaction, READ_MODEL_DATA_SOURCE } from '@coord/runtime';
import type { DataSource } from 'typeorm';
import { EarlyWarningPublisher } from './early-warning/early-warning.publisher';
import { ConcernResolver } from './graphql/concern.resolver';
import { EarlyWarningResolver } from './graphql/early-warning.resolver';
import { FollowUpResolver } from './graphql/follow-up.resolver';
import { LiaisonMeetingCommandsResolver } from './graphql/liaison-meeting-commands.resolver';
import { LiaisonMeetingQueriesResolver } from './graphql/liaison-meeting-queries.resolver';
import { redactLiaisonMeetingHistory } from './history/liaison-meeting-history.redactor';

/** The command side: what the liaison service hosts in the distributed shape. */
@Module({ providers: [LiaisonMeetingCommandsResolver] })
export class LiaisonCommandsModule {}

/** The read side (queries, history redaction, early warnings): what the read-model service hosts. */
@Module({
  providers: [
    {
      provide: LiaisonMeetingQueries,
      inject: [READ_MODEL_DATA_SOURCE],
      useFactory: (dataSource: DataSource) => new LiaisonMeetingQueries(dataSource),
    },
    LiaisonMeetingQueriesResolver,
    ConcernResolver,
    FollowUpResolver,
    EarlyWarningResolver,
    EarlyWarningPublisher,
  ],
})
export class LiaisonReadSideModule {
  constructor(redaction: HistoryRedaction) {
    // Sensitive concern text is redacted on the history path too (DOMAIN.md "Who may do what").
    redaction.register(LIAISON_MEETING_STREAM, redactLiaisonMeetingHistory);
  }
}

/** Both sides, for the all-in-one platform. */
@Module({ imports: [LiaisonCommandsModule, LiaisonReadSideModule] })
export class LiaisonModule {}
