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

@Module({
  providers: [
    {
      provide: LiaisonMeetingQueries,
      inject: [READ_MODEL_DATA_SOURCE],
      useFactory: (dataSource: DataSource) => new LiaisonMeetingQueries(dataSource),
    },
    LiaisonMeetingCommandsResolver,
    LiaisonMeetingQueriesResolver,
    ConcernResolver,
    FollowUpResolver,
    EarlyWarningResolver,
    EarlyWarningPublisher,
  ],
})
export class LiaisonModule {
  constructor(redaction: HistoryRedaction) {
    // Sensitive concern text is redacted on the history path too (DOMAIN.md "Who may do what").
    redaction.register(LIAISON_MEETING_STREAM, redactLiaisonMeetingHistory);
  }
}
