export * from './token-verifier';
export * from './dev-secret';
