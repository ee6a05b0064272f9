import { lazy, ReactNode, Suspense, useMemo } from 'react';
import { Provider as UrqlProvider, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { createApiClient } from '../api/client';
import { OrganizationsDocument } from '../generated/graphql';
import { useSession } from '../auth/session';
import { LANGUAGES } from '../i18n';
import { EarlyWarningBanner } from './EarlyWarningBanner';
import { href, Route, useRoute } from './router';

// Each page loads on demand: the first screen carries only the shell and the page it shows.
const SignInPage = lazy(() => import('../pages/sign-in'));
const PicturePage = lazy(() => import('../pages/picture'));
const DeliveriesPage = lazy(() => import('../pages/deliveries'));
const ActionPlansPage = lazy(() => import('../pages/action-plans'));
const CommitteesPage = lazy(() => import('../pages/committees'));
const MeetingsPage = lazy(() => import('../pages/meetings'));
const ImportsPage = lazy(() => import('../pages/imports'));

const SECTIONS = [
  { path: 'picture', label: 'nav.picture' },
  { path: 'deliveries', label: 'nav.deliveries' },
  { path: 'plans', label: 'nav.plans' },
  { path: 'committees', label: 'nav.committees' },
  { path: 'meetings', label: 'nav.meetings' },
  { path: 'imports', label: 'nav.imports' },
] as const;

const pageFor = (route: Route): ReactNode => {
  switch (route.segments[0] ?? 'picture') {
    case 'picture':
      return <PicturePage route={route} />;
    case 'deliveries':
      return <DeliveriesPage route={route} />;
    case 'plans':
      return <ActionPlansPage route={route} />;
    case 'committees':
      return <CommitteesPage route={route} />;
    case 'meetings':
      return <MeetingsPage route={route} />;
    case 'imports':
      return <ImportsPage route={route} />;
    default:
      return null;
  }
};

const LanguageSwitch = () => {
  const { t, i18n } = useTranslation();
  return (
    <label className="language">
      <span>{t('app.language')}</span>
      <select value={i18n.language} onChange={(event) => void i18n.changeLanguage(event.target.value)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {language === 'en' ? 'English' : 'Français'}
          </option>
        ))}
      </select>
    </label>
  );
};

/** The organisation's name where the read model knows it; its id (from the token) until then. */
const OrganizationName = ({ id }: { id: string }) => {
  const [{ data }] = useQuery({ query: OrganizationsDocument });
  const organization = data?.organizations.find((candidate) => candidate.id === id);
  return <>{organization ? (organization.acronym ?? organization.name) : id}</>;
};

export const App = () => {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const route = useRoute();
  const client = useMemo(() => createApiClient(session?.token ?? null, signOut), [session?.token, signOut]);
  const page = session ? pageFor(route) : <SignInPage route={route} />;
  return (
    <UrqlProvider value={client}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <strong>{t('app.title')}</strong> <span>{t('app.tagline')}</span>
        </div>
        <LanguageSwitch />
        {session && (
          <div className="who">
            <span>
              {t('app.signedInAs', { user: session.name ?? session.userId })} <OrganizationName id={session.organizationId} /> ·{' '}
              {session.roles.map((role) => t(`roles.${role}`)).join(', ')}
            </span>
            <button type="button" onClick={signOut}>
              {t('app.signOut')}
            </button>
          </div>
        )}
      </header>
      {session && (
        <nav aria-label={t('nav.main')} className="app-nav">
          <ul>
            {SECTIONS.map((section) => (
              <li key={section.path}>
                <a href={href(section.path)} aria-current={(route.segments[0] ?? 'picture') === section.path ? 'page' : undefined}>
                  {t(section.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {session && <EarlyWarningBanner />}
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>{page ?? <p>{t('app.notFound')}</p>}</Suspense>
      </main>
    </UrqlProvider>
  );
};
