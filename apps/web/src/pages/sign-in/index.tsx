import { FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/page-props';
import { ROLES, Role, useSession } from '../../auth/session';
import { NAMESPACE } from './messages';
import './sign-in.css';

interface DevOrganization {
  readonly id: string;
  readonly name: string;
  readonly acronym: string | null;
}

const OTHER = '__other__';

/**
 * The development sign-in (`/auth/dev/*`) exists only when the platform runs embedded; elsewhere it
 * answers 404 and this page offers the bearer token alone. An OpenID Connect login flow (redirect to
 * the identity provider) is out of scope here: such deployments paste the provider's token.
 */
const useDevOrganizations = () => {
  const [state, setState] = useState<{ available: boolean | null; organizations: DevOrganization[] }>({ available: null, organizations: [] });
  useEffect(() => {
    let cancelled = false;
    fetch('/auth/dev/organizations')
      .then(async (response) => {
        if (cancelled) return;
        if (!response.ok) return setState({ available: false, organizations: [] });
        const body = (await response.json()) as { organizations: DevOrganization[] };
        if (!cancelled) setState({ available: true, organizations: body.organizations });
      })
      .catch(() => !cancelled && setState({ available: false, organizations: [] }));
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
};

const DevSignIn = ({ organizations }: { organizations: DevOrganization[] }) => {
  const { t } = useTranslation(NAMESPACE);
  const { t: tShared } = useTranslation();
  const { signIn } = useSession();
  const [choice, setChoice] = useState(organizations[0]?.id ?? OTHER);
  const [otherId, setOtherId] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) return setError(t('chooseRole'));
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/auth/dev/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ organizationId: choice === OTHER ? otherId.trim() : choice, roles, ...(name.trim() ? { name: name.trim() } : {}) }),
      });
      const body = (await response.json().catch(() => ({}))) as { token?: string; error?: { code?: string; message?: string } };
      if (!response.ok || !body.token) {
        setError(t('failed', { message: body.error?.message ?? response.statusText }));
      } else if (!signIn(body.token)) {
        setError(t('badToken'));
      }
    } catch {
      setError(tShared('errors.NETWORK'));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (role: Role, checked: boolean) => setRoles((current) => (checked ? [...current, role] : current.filter((r) => r !== role)));

  return (
    <form className="card" onSubmit={(event) => void submit(event)} aria-labelledby="dev-sign-in-title">
      <h2 id="dev-sign-in-title">{t('devTitle')}</h2>
      <p className="muted">{t('devNote')}</p>
      {organizations.length === 0 && <p className="alert warning">{t('noOrganizations')}</p>}
      <div className="form-row">
        <label htmlFor="sign-in-organization">
          {t('organization')}
          <select id="sign-in-organization" value={choice} onChange={(e) => setChoice(e.target.value)}>
            {organizations.map((organization) => (
              <option key={organization.id} value={organization.id}>
                {organization.acronym ? `${organization.acronym} — ${organization.name}` : organization.name}
              </option>
            ))}
            <option value={OTHER}>{t('otherOrganization')}</option>
          </select>
        </label>
        {choice === OTHER && (
          <label htmlFor="sign-in-organization-id">
            {t('organizationId')}
            <input id="sign-in-organization-id" required value={otherId} onChange={(e) => setOtherId(e.target.value)} aria-describedby="sign-in-organization-id-hint" />
            <span id="sign-in-organization-id-hint" className="muted">
              {t('organizationIdHint')}
            </span>
          </label>
        )}
        <label htmlFor="sign-in-name">
          {t('name')}
          <input id="sign-in-name" value={name} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        </label>
      </div>
      <fieldset className="sign-in-roles">
        <legend>{t('roles')}</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" checked={roles.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />
            {tShared(`roles.${role}`)}
          </label>
        ))}
      </fieldset>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <div className="form-row">
        <button type="submit" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </div>
    </form>
  );
};

const TokenSignIn = () => {
  const { t } = useTranslation(NAMESPACE);
  const { signIn } = useSession();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(signIn(token) ? null : t('badToken'));
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="token-sign-in-title">
      <h2 id="token-sign-in-title">{t('tokenTitle')}</h2>
      <p className="muted">{t('tokenNote')}</p>
      {/* The label beside the field, not around it: its name must not grow with the pasted token. */}
      <div className="token-field">
        <label htmlFor="sign-in-token">{t('token')}</label>
        <textarea id="sign-in-token" required rows={3} spellCheck={false} autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} />
      </div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <div className="form-row">
        <button type="submit">{t('useToken')}</button>
      </div>
    </form>
  );
};

const Page = (_props: PageProps) => {
  const { t } = useTranslation(NAMESPACE);
  const dev = useDevOrganizations();
  return (
    <div className="sign-in">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      {dev.available === null && <p role="status">{t('app.loading', { ns: 'translation' })}</p>}
      {dev.available && <DevSignIn organizations={dev.organizations} />}
      <TokenSignIn />
    </div>
  );
};
export default Page;
