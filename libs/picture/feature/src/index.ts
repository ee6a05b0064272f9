export * from './picture.module';
export * from './graphql/picture.schema';
export { PICTURE_RUNNER } from './follower/picture-follower';
export { PICTURE_CHANGED_TRIGGER } from './live/picture-changed';
export { DELIVERY_CHANGED_TRIGGER } from './live/delivery-changed';
