import { Module } from '@nestjs/common';
import { AidDeliveryCommandsResolver } from './graphql/aid-delivery-commands.resolver';
import { AidDeliveryQueriesResolver } from './graphql/aid-delivery-queries.resolver';
import { ThreeWExportController } from './three-w/three-w-export.controller';
import { ThreeWImportController } from './three-w/three-w-import.controller';
import { ThreeWImportService } from './three-w/three-w-import.service';

/**
 * The command side: what the aid-delivery service hosts in the distributed shape. The 3W import
 * belongs here: it records deliveries and presences, which are this context's commands, and its
 * report (`GET /imports/:id`) is kept by the process that ran it.
 */
@Module({
  controllers: [ThreeWImportController],
  providers: [AidDeliveryCommandsResolver, ThreeWImportService],
  exports: [ThreeWImportService],
})
export class AidDeliveriesCommandsModule {}

/** The read side (queries, the 3W export): what the read-model service hosts. */
@Module({ controllers: [ThreeWExportController], providers: [AidDeliveryQueriesResolver] })
export class AidDeliveriesReadSideModule {}

/** Both sides, for the all-in-one platform. */
@Module({ imports: [AidDeliveriesCommandsModule, AidDeliveriesReadSideModule], exports: [AidDeliveriesCommandsModule] })
export class AidDeliveriesModule {}
