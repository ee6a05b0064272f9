export * from './port/event-bus.port';
export * from './in-process/in-process-event-bus';
export * from './in-process/subscriber-failed.error';
export * from './relay/relay';
export * from './kafka/kafka-topics';
export * from './kafka/kafka-envelope.codec';
export * from './kafka/kafka-event-bus';
export * from './ordering/follow-log-on-notice.handler';
