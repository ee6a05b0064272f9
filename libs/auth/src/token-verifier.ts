import { createRemoteJWKSet, jwtVerify, JWTPayload, SignJWT } from 'jose';
import { Actor, DomainError, Role, ROLES } from '@coord/kernel';

export type AuthConfig =
  | { readonly kind: 'hs256'; readonly secret: string }
  | { readonly kind: 'jwks'; readonly jwksUrl: string; readonly issuer: string; readonly audience: string };

const unauthenticated = (message: string) => new DomainError('UNAUTHENTICATED', message);

/** Verifies bearer tokens (CONTRACT.md "Authentication") and turns their claims into an Actor. */
export class TokenVerifier {
  private readonly secret: Uint8Array | null;
  private readonly jwks: ReturnType<typeof createRemoteJWKSet> | null;

  constructor(private readonly config: AuthConfig) {
    this.secret = config.kind === 'hs256' ? new TextEncoder().encode(config.secret) : null;
    this.jwks = config.kind === 'jwks' ? createRemoteJWKSet(new URL(config.jwksUrl)) : null;
  }

  /** Accepts `Bearer <jwt>` or the bare token; throws UNAUTHENTICATED for anything unusable. */
  async verify(authorization: string | undefined | null): Promise<Actor> {
    if (!authorization) throw unauthenticated('a bearer token is required');
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    if (!token) throw unauthenticated('a bearer token is required');
    let payload: JWTPayload;
    try {
      const verified =
        this.config.kind === 'hs256'
          ? await jwtVerify(token, this.secret as Uint8Array, { algorithms: ['HS256'] })
          : await jwtVerify(token, this.jwks!, {
              algorithms: ['RS256'],
              issuer: this.config.issuer,
              audience: this.config.audience,
            });
      payload = verified.payload;
    } catch {
      // The reason (expired, bad signature, malformed) is deliberately not echoed to the caller.
      throw unauthenticated('the token is invalid or expired');
    }
    return actorFromClaims(payload);
  }
}

export const actorFromClaims = (payload: JWTPayload): Actor => {
  const { sub, org, roles, name } = payload as JWTPayload & { org?: unknown; roles?: unknown; name?: unknown };
  if (typeof sub !== 'string' || sub.length === 0) throw unauthenticated('the token has no subject (sub)');
  if (typeof org !== 'string' || org.length === 0) throw unauthenticated('the token names no organisation (org)');
  if (!Array.isArray(roles) || !roles.every((role): role is Role => (ROLES as readonly string[]).includes(role))) {
    throw unauthenticated(`the token's roles must be a list of ${ROLES.join(', ')}`);
  }
  return { userId: sub, organizationId: org, roles, ...(typeof name === 'string' ? { name } : {}) };
};

export interface DevTokenClaims {
  readonly sub: string;
  readonly org: string;
  readonly roles: readonly Role[];
  readonly name?: string;
}

/** Development tokens for the embedded default (`npm run token`); never used with JWKS. */
export const signDevToken = async (secret: string, claims: DevTokenClaims, expiresIn = '12h'): Promise<string> =>
  new SignJWT({ org: claims.org, roles: [...claims.roles], ...(claims.name ? { name: claims.name } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
