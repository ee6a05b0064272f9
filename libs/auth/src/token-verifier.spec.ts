import { SignJWT } from 'jose';
import { DomainError } from '@coord/kernel';
import { signDevToken, TokenVerifier } from './token-verifier';

const secret = 'test-secret-test-secret-test-secret';
const verifier = new TokenVerifier({ kind: 'hs256', secret });

const expectUnauthenticated = async (promise: Promise<unknown>) => {
  await expect(promise).rejects.toBeInstanceOf(DomainError);
  await expect(promise).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
};

describe('TokenVerifier (HS256)', () => {
  it('turns sub, org and roles into the actor', async () => {
    const token = await signDevToken(secret, { sub: 'u1', org: 'org-1', roles: ['AGENCY_OFFICER'], name: 'Awa' });
    await expect(verifier.verify(`Bearer ${token}`)).resolves.toEqual({
      userId: 'u1',
      organizationId: 'org-1',
      roles: ['AGENCY_OFFICER'],
      name: 'Awa',
    });
  });

  it('rejects a missing, malformed, foreign-signed or expired token', async () => {
    await expectUnauthenticated(verifier.verify(undefined));
    await expectUnauthenticated(verifier.verify('Bearer '));
    await expectUnauthenticated(verifier.verify('Bearer not.a.jwt'));
    const foreign = await signDevToken('another-secret-another-secret-xx', { sub: 'u', org: 'o', roles: [] });
    await expectUnauthenticated(verifier.verify(foreign));
    const expired = await new SignJWT({ org: 'o', roles: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('u')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(secret));
    await expectUnauthenticated(verifier.verify(expired));
  });

  it('rejects tokens whose claims are incomplete or name unknown roles', async () => {
    const sign = (claims: Record<string, unknown>, sub?: string) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' });
      return (sub ? jwt.setSubject(sub) : jwt).sign(new TextEncoder().encode(secret));
    };
    await expectUnauthenticated(verifier.verify(await sign({ org: 'o', roles: [] })));
    await expectUnauthenticated(verifier.verify(await sign({ roles: [] }, 'u')));
    await expectUnauthenticated(verifier.verify(await sign({ org: 'o', roles: ['KING'] }, 'u')));
    await expectUnauthenticated(verifier.verify(await sign({ org: 'o', roles: 'ADMIN' }, 'u')));
  });

  it('refuses the none algorithm', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const body = Buffer.from(JSON.stringify({ sub: 'u', org: 'o', roles: ['ADMIN'] })).toString('base64url');
    await expectUnauthenticated(verifier.verify(`${header}.${body}.`));
  });
});
