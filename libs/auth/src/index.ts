export * from './token-verifier';
export * from './dev-secret';
export * from './redaction';
