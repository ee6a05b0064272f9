export * from './common';
export * from './envelope/envelope';
export * from './aid-deliveries/aid-delivery.events';
export * from './reference/reference.events';
export * from './planning/committee.events';
export * from './liaison/liaison-meeting.events';
export * from './action-plans/action-plan.events';
export * from './catalogue';
