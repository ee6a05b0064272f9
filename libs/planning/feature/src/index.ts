export * from './planning.module';
export * from './graphql/planning.schema';
