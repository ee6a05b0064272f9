export * from './action-plans.module';
export * from './graphql/action-plans.schema';
export * from './live/action-plan-changed';
export * from './policy/decision-to-action.policy';
