export * from './postgres';
export * from './kafka';
export * from './kafka-mock.shim';
