import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { signDevToken } from '@coord/auth';
import { DomainError, ROLES } from '@coord/kernel';
import { ReadModelQueries } from '@coord/read-model';
import { PlatformConfig } from '../config/platform-config';
import { AUTH_SECRET, PLATFORM_CONFIG } from '../infrastructure/tokens';
import { inputs, parseInput } from '../validation/parse-input';

const devTokenInput = z.object({
  organizationId: inputs.id(),
  roles: z
    .array(z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }))
    .min(1, 'must name at least one role')
    .max(ROLES.length, `must name at most ${ROLES.length} roles`),
  name: inputs.optionalText(100),
});

/** A subject stable for one organisation and name, so the same person signing in twice is one user. */
const subjectFor = (organizationId: string, name: string | null) => {
  const slug = (name ?? '')
    .normalize('NFKD')
    .replace(/[^\w]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 40);
  return `dev:${organizationId}:${slug || randomUUID()}`;
};

/**
 * Development sign-in for the dashboard in the embedded default (CONTRACT.md "Authentication"): pick
 * an organisation and roles, get a token signed with the embedded secret, as `npm run token` does.
 * It exists only when the platform runs embedded with its own HS256 secret; anywhere else it answers
 * 404 as if it were not there, since a token for any organisation on request would be a free pass.
 * Signing in with OpenID Connect is the identity provider's flow, outside this platform: the
 * dashboard accepts the bearer token it issues.
 */
@Controller('auth/dev')
export class DevSignInController {
  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(AUTH_SECRET) private readonly secret: string | null,
    private readonly queries: ReadModelQueries,
  ) {}

  private requireAvailable(): string {
    if (!this.config.embedded || this.config.auth.kind !== 'hs256' || !this.secret) {
      throw new DomainError('NOT_FOUND', 'development sign-in is available only in the embedded default');
    }
    return this.secret;
  }

  /** The registered organisations, for the sign-in page's picker. */
  @Get('organizations')
  async organizations() {
    this.requireAvailable();
    const organizations = await this.queries.organizations();
    return {
      organizations: organizations.map(({ id, name, acronym, kind }) => ({ id, name, acronym, kind })),
    };
  }

  @Post('token')
  @HttpCode(200)
  async token(@Body() body: unknown) {
    const secret = this.requireAvailable();
    const input = parseInput(devTokenInput, body ?? {});
    const roles = [...new Set(input.roles)];
    // An ADMIN's organisation need not be registered (CONTRACT.md): it is the one who registers them.
    if (!roles.includes('ADMIN')) {
      const known = await this.queries.organizationsByIds([input.organizationId]);
      if (known.length === 0) {
        throw new DomainError('NOT_FOUND', `organisation ${input.organizationId} is not registered`, { field: 'organizationId' });
      }
    }
    const token = await signDevToken(secret, {
      sub: subjectFor(input.organizationId, input.name),
      org: input.organizationId,
      roles,
      ...(input.name ? { name: input.name } : {}),
    });
    return { token };
  }
}
