export * from './aid-deliveries.module';
export * from './graphql/aid-deliveries.schema';
