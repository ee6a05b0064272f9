import { FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useSubscription } from 'urql';
import { href, Route } from '../../app/router';
import { useSession } from '../../auth/session';
import {
  DeliveriesDocument,
  DeliveryChangedDocument,
  DeliveryOrganizationsDocument,
  type DeliveryStatus,
  type PictureFilter,
  type Sector,
} from '../../generated/graphql';
import { describeError } from '../../ui/errors';
import { formatDate, formatNumber } from '../../ui/format';
import { NAMESPACE } from './messages';
import { organizationLabel, PAGE_SIZE, SECTORS, StatusBadge, STATUSES } from './shared';

interface FilterDraft {
  status: DeliveryStatus | '';
  sector: Sector | '';
  adminCode: string;
  organizationId: string;
  from: string;
  to: string;
}

const EMPTY: FilterDraft = { status: '', sector: '', adminCode: '', organizationId: '', from: '', to: '' };

const FIELDS = ['status', 'sector', 'adminCode', 'organizationId', 'from', 'to'] as const;

/** Filters live in the address (`#/deliveries?status=DELIVERED&adminCode=ML07`): a filtered list can be bookmarked or shared. */
const fromParams = (params: URLSearchParams): FilterDraft => {
  const status = params.get('status') ?? '';
  const sector = params.get('sector') ?? '';
  return {
    status: (STATUSES as readonly string[]).includes(status) ? (status as DeliveryStatus) : '',
    sector: (SECTORS as readonly string[]).includes(sector) ? (sector as Sector) : '',
    adminCode: params.get('adminCode') ?? '',
    organizationId: params.get('organizationId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
};

const showFilters = (draft: FilterDraft) => {
  const query = new URLSearchParams();
  for (const field of FIELDS) if (draft[field].trim()) query.set(field, draft[field].trim());
  location.hash = query.size ? `${href('deliveries')}?${query}` : href('deliveries');
};

const toFilter = (draft: FilterDraft): PictureFilter => ({
  ...(draft.status ? { status: [draft.status] } : {}),
  ...(draft.sector ? { sector: draft.sector } : {}),
  ...(draft.adminCode.trim() ? { adminCode: draft.adminCode.trim().toUpperCase() } : {}),
  ...(draft.organizationId ? { organizationId: draft.organizationId } : {}),
  ...(draft.from ? { from: draft.from } : {}),
  ...(draft.to ? { to: draft.to } : {}),
});

export const DeliveryList = ({ route }: { route: Route }) => {
  const { t } = useTranslation(NAMESPACE);
  const { hasRole } = useSession();
  const paramsKey = route.params.toString();
  const applied = useMemo(() => fromParams(new URLSearchParams(paramsKey)), [paramsKey]);
  const [draft, setDraft] = useState<FilterDraft>(applied);
  // Cursors of the pages before this one: "previous" pops, "next" pushes the current end cursor.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  // New filters (applied here, or back/forward in the browser): the form shows them, paging restarts.
  useEffect(() => {
    setDraft(applied);
    setCursors([null]);
  }, [applied]);
  const after = cursors[cursors.length - 1];
  const filter = useMemo(() => toFilter(applied), [applied]);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: DeliveriesDocument, variables: { filter, first: PAGE_SIZE, after } });
  const [organizations] = useQuery({ query: DeliveryOrganizationsDocument });
  // Any change may add a row to this page or move one out of it: read the page again.
  useSubscription({ query: DeliveryChangedDocument }, (_previous, event) => {
    reexecute({ requestPolicy: 'network-only' });
    return event;
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    showFilters(draft);
  };
  const clear = () => {
    setDraft(EMPTY);
    showFilters(EMPTY);
  };
  const set = (patch: Partial<FilterDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const connection = data?.aidDeliveries;

  return (
    <>
      <h1>{t('title')}</h1>
      {hasRole('AGENCY_OFFICER') && (
        <p>
          <a className="button" href={href('deliveries', 'new')}>
            {t('planLink')}
          </a>
        </p>
      )}
      <form className="card deliveries-filters" onSubmit={submit} aria-labelledby="deliveries-filters-title">
        <h2 id="deliveries-filters-title">{t('filters')}</h2>
        <div className="form-row">
          <label htmlFor="filter-status">
            {t('status')}
            <select id="filter-status" value={draft.status} onChange={(e) => set({ status: e.target.value as DeliveryStatus | '' })}>
              <option value="">{t('any')}</option>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor="filter-sector">
            {t('sector')}
            <select id="filter-sector" value={draft.sector} onChange={(e) => set({ sector: e.target.value as Sector | '' })}>
              <option value="">{t('any')}</option>
              {SECTORS.map((sector) => (
                <option key={sector} value={sector}>
                  {t(`sector.${sector}`)}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor="filter-area">
            {t('adminArea')}
            <input id="filter-area" value={draft.adminCode} aria-describedby="filter-area-hint" onChange={(e) => set({ adminCode: e.target.value })} size={10} />
            <span id="filter-area-hint" className="muted">
              {t('adminAreaHint')}
            </span>
          </label>
          <label htmlFor="filter-organization">
            {t('organization')}
            <select id="filter-organization" value={draft.organizationId} onChange={(e) => set({ organizationId: e.target.value })}>
              <option value="">{t('any')}</option>
              {(organizations.data?.organizations ?? []).map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organizationLabel(organization)}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor="filter-from">
            {t('from')}
            <input id="filter-from" type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
          </label>
          <label htmlFor="filter-to">
            {t('to')}
            <input id="filter-to" type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} />
          </label>
        </div>
        <div className="form-row">
          <button type="submit">{t('apply')}</button>
          <button type="button" className="secondary" onClick={clear}>
            {t('clear')}
          </button>
        </div>
      </form>
      {error && (
        <p className="alert error" role="alert">
          {describeError(error)}
        </p>
      )}
      <p className="muted" role="status">
        {fetching && !connection ? t('app.loading', { ns: 'translation' }) : connection ? t('count', { count: connection.totalCount }) : null}
        {' · '}
        {t('live')}
      </p>
      {connection && connection.nodes.length === 0 && <p>{t('none')}</p>}
      {connection && connection.nodes.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('plannedDate')}</th>
              <th scope="col">{t('destination')}</th>
              <th scope="col">{t('sector')}</th>
              <th scope="col">{t('agency')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col" className="number">
                {t('targeted')}
              </th>
              <th scope="col" className="number">
                {t('reached')}
              </th>
            </tr>
          </thead>
          <tbody>
            {connection.nodes.map((delivery) => (
              <tr key={delivery.id}>
                <td>
                  <a href={href('deliveries', delivery.id)} aria-label={t('open', { place: delivery.destination.name, date: formatDate(delivery.plannedDate) })}>
                    {formatDate(delivery.plannedDate)}
                  </a>
                </td>
                <td>
                  {delivery.destination.name} <span className="muted">({delivery.destination.pcode})</span>
                </td>
                <td>{t(`sector.${delivery.sector}`)}</td>
                <td>{organizationLabel(delivery.agency)}</td>
                <td>
                  <StatusBadge status={delivery.status} />
                </td>
                <td className="number">{formatNumber(delivery.targetedBeneficiaries)}</td>
                <td className="number">{formatNumber(delivery.reached?.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {connection && (cursors.length > 1 || connection.pageInfo.hasNextPage) && (
        <nav className="deliveries-pager" aria-label={t('page', { page: cursors.length })}>
          <button type="button" className="secondary" disabled={cursors.length <= 1} onClick={() => setCursors((list) => list.slice(0, -1))}>
            {t('previousPage')}
          </button>
          <span>{t('page', { page: cursors.length })}</span>
          <button
            type="button"
            className="secondary"
            disabled={!connection.pageInfo.hasNextPage}
            onClick={() => setCursors((list) => [...list, connection.pageInfo.endCursor ?? null])}
          >
            {t('nextPage')}
          </button>
        </nav>
      )}
    </>
  );
};
