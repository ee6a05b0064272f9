import { parseArgs } from 'node:util';
import { loadOrCreateDevSecret, signDevToken } from '@coord/auth';
import { Role, ROLES } from '@coord/kernel';
import { loadPlatformConfig } from '@coord/runtime';

/** `npm run token -- --org ORG --roles R1,R2 --sub ID`: a development token for the embedded secret. */
const main = async () => {
  const { values } = parseArgs({
    options: {
      org: { type: 'string' },
      roles: { type: 'string' },
      sub: { type: 'string', default: 'dev-user' },
      name: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const config = loadPlatformConfig();
  if (config.auth.kind !== 'hs256') throw new Error('AUTH_JWKS_URL is set: tokens come from the identity provider');
  if (!values.org) throw new Error('--org is required (an organisation id, e.g. from the organizations query)');
  const roles = (values.roles ?? '').split(',').map((role) => role.trim()).filter(Boolean);
  const unknown = roles.filter((role) => !(ROLES as readonly string[]).includes(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new Error(`--roles must list some of ${ROLES.join(', ')}${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`);
  }
  const secret = config.auth.secret ?? loadOrCreateDevSecret(config.dataDir);
  const token = await signDevToken(secret, { sub: values.sub!, org: values.org, roles: roles as Role[], name: values.name }, values.expires);
  process.stdout.write(`${token}\n`);
};

main().catch((error) => {
  console.error(`token: ${error.message}`);
  process.exit(2);
});
