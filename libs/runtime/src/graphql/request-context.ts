import { Actor, DomainError } from '@coord/kernel';
import type { Loaders } from './loaders';

/** What every resolver receives: who is asking (or why they are not), and per-request loaders. */
export interface RequestContext {
  readonly actor: Actor | null;
  readonly authError: DomainError | null;
  /** `X-Min-Position`: answer only once the read model has applied this position. */
  readonly minPosition: string | null;
  readonly loaders: Loaders;
}

export const requireActor = (context: RequestContext): Actor => {
  if (context.actor) return context.actor;
  throw context.authError ?? new DomainError('UNAUTHENTICATED', 'a bearer token is required');
};
