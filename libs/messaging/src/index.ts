export * from './port/event-bus.port';
export * from './in-process/in-process-event-bus';
export * from './in-process/subscriber-failed.error';
export * from './relay/relay';
