import { Module } from '@nestjs/common';
import { AidDeliveryCommandsResolver } from './graphql/aid-delivery-commands.resolver';
import { AidDeliveryQueriesResolver } from './graphql/aid-delivery-queries.resolver';
import { ThreeWExportController } from './three-w/three-w-export.controller';
import { ThreeWImportController } from './three-w/three-w-import.controller';
import { ThreeWImportService } from './three-w/three-w-import.service';

@Module({
  controllers: [ThreeWImportController, ThreeWExportController],
  providers: [AidDeliveryCommandsResolver, AidDeliveryQueriesResolver, ThreeWImportService],
  exports: [ThreeWImportService],
})
export class AidDeliveriesModule {}
