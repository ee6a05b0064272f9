export * from './common';
export * from './envelope/envelope';
export * from './aid-deliveries/aid-delivery.events';
export * from './reference/reference.events';
export * from './catalogue';
