export * from './errors/domain-error';
export * from './identity/actor';
export * from './identity/ids';
export * from './time/clock';
export * from './position/position';
export * from './decider/decider';
