import type { Request } from 'express';
import { TokenVerifier } from '@coord/auth';
import { Actor } from '@coord/kernel';

/** REST endpoints take the same bearer token as GraphQL. */
export const authenticateRequest = (verifier: TokenVerifier, request: Request): Promise<Actor> =>
  verifier.verify(request.headers.authorization);
