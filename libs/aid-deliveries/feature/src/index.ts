export * from './aid-deliveries.module';
export * from './graphql/aid-deliveries.schema';
export * from './three-w/three-w-import.service';
export * from './three-w/import-report';
