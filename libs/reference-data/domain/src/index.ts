export * from './organization-name';
export * from './organization.decider';
