import { Module } from '@nestjs/common';
import { AidDeliveryCommandsResolver } from './graphql/aid-delivery-commands.resolver';
import { AidDeliveryQueriesResolver } from './graphql/aid-delivery-queries.resolver';

@Module({ providers: [AidDeliveryCommandsResolver, AidDeliveryQueriesResolver] })
export class AidDeliveriesModule {}
