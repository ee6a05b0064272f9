export * from './liaison.module';
export * from './graphql/liaison.schema';
export * from './early-warning/early-warning';
