import { Module } from '@nestjs/common';
import { asyncProjections, PictureQueries, ProjectionRunner } from '@coord/read-model';
import { READ_MODEL_DATA_SOURCE } from '@coord/runtime';
import type { DataSource } from 'typeorm';
import { PICTURE_RUNNER, PictureFollower } from './follower/picture-follower';
import { DeliveryChangedResolver } from './graphql/delivery-changed.resolver';
import { GapResolver } from './graphql/gap.resolver';
import { OverlapResolver } from './graphql/overlap.resolver';
import { PictureChangedResolver } from './graphql/picture-changed.resolver';
import { PictureQueriesResolver } from './graphql/picture-queries.resolver';
import { DeliveryChangedPublisher } from './live/delivery-changed.publisher';
import { PictureChangedPublisher } from './live/picture-changed.publisher';

/** The shared picture (DOMAIN.md "The shared picture"): who does what where, gaps, overlaps, live. */
@Module({
  providers: [
    { provide: PictureQueries, inject: [READ_MODEL_DATA_SOURCE], useFactory: (dataSource: DataSource) => new PictureQueries(dataSource) },
    {
      provide: PICTURE_RUNNER,
      inject: [READ_MODEL_DATA_SOURCE, ProjectionRunner],
      // On SQLite both runners write through the one connection, so they take turns; on PostgreSQL
      // each transaction has a connection of its own, and the platform's never waits for the picture.
      useFactory: (dataSource: DataSource, platform: ProjectionRunner) =>
        new ProjectionRunner(dataSource, asyncProjections, dataSource.options.type === 'postgres' ? {} : { turnsWith: platform }),
    },
    PictureFollower,
    PictureQueriesResolver,
    GapResolver,
    OverlapResolver,
    PictureChangedResolver,
    DeliveryChangedResolver,
    PictureChangedPublisher,
    DeliveryChangedPublisher,
  ],
  exports: [PICTURE_RUNNER],
})
export class PictureModule {}
