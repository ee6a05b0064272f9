import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useSubscription } from 'urql';
import type { PageProps } from '../../app/page-props';
import { useSession } from '../../auth/session';
import {
  OrganizationsDocument,
  PictureAreasDocument,
  PictureChangedDocument,
  PictureGapsAndOverlapsDocument,
  WhoWhatWhereDocument,
  type DeliveryStatus,
  type PictureDimension,
  type PictureFilter,
  type Sector,
} from '../../generated/graphql';
import { describeError } from '../../ui/errors';
import { formatDate, formatDateTime, formatNumber } from '../../ui/format';
import { loadBoundaries } from './boundaries';
import { downloadThreeW } from './download';
import { NAMESPACE } from './messages';
import {
  areaValues,
  COUNTRIES,
  Country,
  countryOf,
  DIMENSIONS,
  instantOf,
  MAPPED_COUNTRIES,
  Measure,
  MEASURES,
  overlapsOfRow,
  PictureRow,
  related,
  SECTORS,
  STATUSES,
} from './model';
import './picture.css';

// The map, d3-geo and topojson load only when a country with boundaries is shown.
const AreaMap = lazy(() => import('./AreaMap'));

const DEFAULT_GROUPING: PictureDimension[] = ['ORGANIZATION', 'SECTOR', 'ADM1'];
// Live changes come in bursts (an import records thousands of rows): one refetch per burst.
const REFETCH_DELAY_MS = 400;
// A country's presences make thousands of rows: drawn a page at a time, totals over all of them.
const ROWS_PAGE = 200;

const Matrix = ({ rows, groupBy, overlapsOf }: { rows: readonly PictureRow[]; groupBy: readonly PictureDimension[]; overlapsOf: (row: PictureRow) => string | null }) => {
  const { t } = useTranslation(NAMESPACE);
  const [shown, setShown] = useState(ROWS_PAGE);
  const dimensions = DIMENSIONS.filter((dimension) => groupBy.includes(dimension));
  const cell = (row: PictureRow, dimension: PictureDimension): string => {
    switch (dimension) {
      case 'ORGANIZATION':
        // The acronym keeps the matrix narrow beside the map; the full name is its title and in the filter.
        return row.organization ? (row.organization.acronym ?? row.organization.name) : t('unknown');
      case 'SECTOR':
        return row.sector ? t(`sectors.${row.sector}`) : t('unknown');
      case 'ADM1':
        return row.adm1?.name ?? t('unknown');
      case 'ADM2':
        return row.adm2?.name ?? t('unknown');
      case 'ADM3':
        return row.adm3?.name ?? t('unknown');
      case 'MONTH':
        return row.month ?? t('unknown');
      case 'STATUS':
        return row.status ? t(`statuses.${row.status}`) : '—';
    }
  };
  const sum = (pick: (row: PictureRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const measures = ['deliveries', 'targeted', 'reached', 'presences', 'actions', 'actionsInProgress'] as const;
  return (
    <>
    <table className="matrix">
      <caption>{t('matrixCaption', { count: rows.length, rows: formatNumber(rows.length) })}</caption>
      <thead>
        <tr>
          {dimensions.map((dimension) => (
            <th key={dimension} scope="col">
              {t(`dimensions.${dimension}`)}
            </th>
          ))}
          {measures.map((measure) => (
            <th key={measure} scope="col" className="number">
              {t(`columns.${measure}`)}
            </th>
          ))}
          <th scope="col">{t('columns.flags')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.slice(0, shown).map((row, index) => {
          const overlap = overlapsOf(row);
          return (
            <tr key={index} className={overlap ? 'overlap' : undefined}>
              {dimensions.map((dimension, column) =>
                column === 0 ? (
                  <th key={dimension} scope="row" title={dimension === 'ORGANIZATION' ? row.organization?.name : undefined}>
                    {cell(row, dimension)}
                  </th>
                ) : (
                  <td key={dimension}>{cell(row, dimension)}</td>
                ),
              )}
              {measures.map((measure) => (
                <td key={measure} className="number">
                  {formatNumber(row[measure])}
                </td>
              ))}
              <td>{overlap && <span className="badge overlap-badge">{t('overlapBadge', { organizations: overlap })}</span>}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={Math.max(1, dimensions.length)}>
            {t('total')}
          </th>
          {measures.map((measure) => (
            <td key={measure} className="number">
              {formatNumber(sum((row) => row[measure]))}
            </td>
          ))}
          <td />
        </tr>
      </tfoot>
    </table>
    {shown < rows.length && (
      <button type="button" className="secondary" onClick={() => setShown(shown + ROWS_PAGE)}>
        {t('showMoreRows', { count: Math.min(ROWS_PAGE, rows.length - shown), total: formatNumber(rows.length) })}
      </button>
    )}
    </>
  );
};

const noOverlaps = () => null;

const PicturePage = ({ route }: PageProps) => {
  const { t } = useTranslation(NAMESPACE);
  const { session } = useSession();
  const initialArea = route.params.get('area');
  const [country, setCountry] = useState<Country>(countryOf(route.params.get('country')) ?? countryOf(initialArea) ?? 'CAF');
  const [area, setArea] = useState<{ pcode: string; name: string } | null>(initialArea && countryOf(initialArea) ? { pcode: initialArea, name: initialArea } : null);
  const [sector, setSector] = useState<Sector | ''>('');
  const [organizationId, setOrganizationId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [statuses, setStatuses] = useState<DeliveryStatus[]>([]);
  const [groupBy, setGroupBy] = useState<PictureDimension[]>(DEFAULT_GROUPING);
  const [asOfLocal, setAsOfLocal] = useState('');
  const [measure, setMeasure] = useState<Measure>('deliveries');
  const [level, setLevel] = useState<1 | 2>(1);
  const [updated, setUpdated] = useState<{ at: string; count: number } | null>(null);
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const asOf = instantOf(asOfLocal);
  const mapped = MAPPED_COUNTRIES.has(country);
  useEffect(() => {
    // Alongside the map's code rather than after it: one round trip less before the map shows.
    if (mapped) loadBoundaries(country as 'CAF' | 'HTI', level).catch(() => undefined);
  }, [mapped, country, level]);
  useEffect(() => {
    // The address names what is shown, so it can be shared or reloaded; replaced, not pushed, so
    // Back leaves the page instead of stepping through every click.
    history.replaceState(history.state, '', `#/picture?${new URLSearchParams({ country, ...(area ? { area: area.pcode } : {}) })}`);
  }, [country, area]);
  const baseFilter: PictureFilter = {
    adminCode: country,
    sector: sector || null,
    organizationId: organizationId || null,
    from: from || null,
    to: to || null,
    status: statuses.length ? statuses : null,
  };
  const filter: PictureFilter = { ...baseFilter, adminCode: area?.pcode ?? country };

  const [matrix, refetchMatrix] = useQuery({ query: WhoWhatWhereDocument, variables: { filter, groupBy, asOf } });
  const mapGrouping: PictureDimension[] = [level === 1 ? 'ADM1' : 'ADM2', 'ORGANIZATION'];
  const [mapRows, refetchMapRows] = useQuery({ query: WhoWhatWhereDocument, variables: { filter: baseFilter, groupBy: mapGrouping, asOf }, pause: !mapped });
  const [signals, refetchSignals] = useQuery({ query: PictureGapsAndOverlapsDocument, variables: { adminCode: country, from: from || null, to: to || null } });
  const [regions] = useQuery({ query: PictureAreasDocument, variables: { level: 1, parentCode: country } });
  const [organizations] = useQuery({ query: OrganizationsDocument });

  // Live: each change to a cell of the picture schedules one refetch of what the page shows.
  const pending = useRef({ count: 0, timer: 0 as ReturnType<typeof setTimeout> | 0 });
  const refetchAll = useCallback(() => {
    refetchMatrix({ requestPolicy: 'network-only' });
    if (mapped) refetchMapRows({ requestPolicy: 'network-only' });
    refetchSignals({ requestPolicy: 'network-only' });
  }, [refetchMatrix, refetchMapRows, refetchSignals, mapped]);
  const refetchLatest = useRef(refetchAll);
  refetchLatest.current = refetchAll;
  useEffect(() => () => clearTimeout(pending.current.timer || undefined), []);
  const onChange = useCallback(() => {
    pending.current.count += 1;
    if (pending.current.timer) return null;
    pending.current.timer = setTimeout(() => {
      const count = pending.current.count;
      pending.current = { count: 0, timer: 0 };
      refetchLatest.current();
      setUpdated({ at: new Date().toISOString(), count });
    }, REFETCH_DELAY_MS);
    return null;
  }, []);
  const [live] = useSubscription({ query: PictureChangedDocument, variables: { adminCode: country } }, onChange);

  // gaps and overlaps take a place and dates only: the page's other filters apply to what they answer.
  const countryGaps = useMemo(() => (signals.data?.gaps ?? []).filter((gap) => !sector || gap.sector === sector), [signals.data, sector]);
  const gaps = useMemo(() => countryGaps.filter((gap) => !area || related(area.pcode, gap.location.pcode)), [countryGaps, area]);
  const overlaps = useMemo(
    () =>
      (signals.data?.overlaps ?? []).filter(
        (overlap) =>
          (!area || related(area.pcode, overlap.location.pcode)) &&
          (!sector || overlap.sector === sector) &&
          (!organizationId || overlap.organizations.some((organization) => organization.id === organizationId)),
      ),
    [signals.data, area, sector, organizationId],
  );
  const overlapsOf = useCallback(
    (row: PictureRow) => {
      const found = overlapsOfRow(row, overlaps);
      if (!found.length) return null;
      const names = new Set(found.flatMap((overlap) => overlap.organizations.map((organization) => organization.acronym ?? organization.name)));
      return [...names].join(', ');
    },
    [overlaps],
  );

  const values = useMemo(() => areaValues(mapRows.data?.whoWhatWhere ?? [], level, measure === 'gaps' ? 'deliveries' : measure), [mapRows.data, level, measure]);
  const gapCount = useCallback((pcode: string) => countryGaps.filter((gap) => related(pcode, gap.location.pcode)).length, [countryGaps]);
  const valueOf = useCallback((pcode: string) => (measure === 'gaps' ? gapCount(pcode) : values.get(pcode) ?? 0), [measure, gapCount, values]);
  const isGap = useCallback((pcode: string) => gapCount(pcode) > 0, [gapCount]);

  const chooseCountry = (next: Country) => {
    setCountry(next);
    setArea(null);
  };
  const toggle = <T,>(list: T[], value: T, on: boolean): T[] => (on ? [...list.filter((item) => item !== value), value] : list.filter((item) => item !== value));
  const clearFilters = () => {
    setArea(null);
    setSector('');
    setOrganizationId('');
    setFrom('');
    setTo('');
    setStatuses([]);
    setAsOfLocal('');
  };
  const startDownload = async () => {
    if (!session) return;
    setDownload({ busy: true, error: null });
    try {
      await downloadThreeW(session.token, filter);
      setDownload({ busy: false, error: null });
    } catch (error) {
      setDownload({ busy: false, error: (error as Error).message });
    }
  };

  const countryName = t(`countries.${country}`);
  const regionOptions = regions.data?.locations ?? [];
  const regionNames = useMemo(() => new Map((regions.data?.locations ?? []).map((place) => [place.pcode, place.name])), [regions.data]);
  const nameOf = useCallback((pcode: string) => regionNames.get(pcode), [regionNames]);
  const selectedRegion = area && regionOptions.some((place) => place.pcode === area.pcode) ? area.pcode : '';
  const error = describeError(matrix.error ?? signals.error ?? mapRows.error);

  return (
    <section className="picture-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>

      <form className="card picture-filters" aria-label={t('filters')} onSubmit={(event) => event.preventDefault()}>
        <div className="form-row">
          <div className="field">
            <label htmlFor="picture-country">{t('country')}</label>
            <select id="picture-country" value={country} onChange={(event) => chooseCountry(event.target.value as Country)}>
              {COUNTRIES.map((code) => (
                <option key={code} value={code}>
                  {t(`countries.${code}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="picture-area">{t('area')}</label>
            <select id="picture-area"
              value={selectedRegion || (area ? area.pcode : '')}
              onChange={(event) => {
                const place = regionOptions.find((option) => option.pcode === event.target.value);
                setArea(place ? { pcode: place.pcode, name: place.name } : null);
              }}
            >
              <option value="">{t('allAreas')}</option>
              {area && !selectedRegion && <option value={area.pcode}>{area.name}</option>}
              {regionOptions.map((place) => (
                <option key={place.pcode} value={place.pcode}>
                  {place.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="picture-sector">{t('sector')}</label>
            <select id="picture-sector" value={sector} onChange={(event) => setSector(event.target.value as Sector | '')}>
              <option value="">{t('anySector')}</option>
              {SECTORS.map((value) => (
                <option key={value} value={value}>
                  {t(`sectors.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="picture-organization">{t('organization')}</label>
            <select id="picture-organization" value={organizationId} onChange={(event) => setOrganizationId(event.target.value)}>
              <option value="">{t('anyOrganization')}</option>
              {[...(organizations.data?.organizations ?? [])]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {organization.acronym ? `${organization.acronym} — ${organization.name}` : organization.name}
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="picture-from">{t('from')}</label>
            <input id="picture-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="picture-to">{t('to')}</label>
            <input id="picture-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
          </div>
        </div>
        <div className="form-row">
          <fieldset>
            <legend>{t('status')}</legend>
            {STATUSES.map((status) => (
              <label key={status} className="check">
                <input type="checkbox" checked={statuses.includes(status)} onChange={(event) => setStatuses(toggle(statuses, status, event.target.checked))} />
                {t(`statuses.${status}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('groupBy')}</legend>
            {DIMENSIONS.map((dimension) => (
              <label key={dimension} className="check">
                <input
                  type="checkbox"
                  checked={groupBy.includes(dimension)}
                  // At least one grouping: the API needs one, and a single total row is what "none" would mean anyway.
                  disabled={groupBy.length === 1 && groupBy[0] === dimension}
                  onChange={(event) => setGroupBy(toggle(groupBy, dimension, event.target.checked))}
                />
                {t(`dimensions.${dimension}`)}
              </label>
            ))}
          </fieldset>
        </div>
        <div className="form-row">
          <div className="field">
            <label htmlFor="picture-asOf">{t('asOf')}</label>
            <input id="picture-asOf" type="datetime-local" step={1} value={asOfLocal} onChange={(event) => setAsOfLocal(event.target.value)} aria-describedby="as-of-hint" />
          </div>
          <span id="as-of-hint" className="muted">
            {t('asOfHint')}
          </span>
          <button type="button" className="secondary" onClick={() => setAsOfLocal('')} disabled={!asOfLocal}>
            {t('now')}
          </button>
          <button type="button" className="secondary" onClick={clearFilters}>
            {t('clearFilters')}
          </button>
          <button type="button" className="secondary" onClick={() => void startDownload()} disabled={download.busy}>
            {download.busy ? t('downloading') : t('download')}
          </button>
        </div>
        {download.error && <p className="alert error">{t('downloadFailed', { message: download.error })}</p>}
      </form>

      <div className="picture-status" role="status" aria-live="polite">
        {asOf && <p className="alert warning">{t('asOfShowing', { when: formatDateTime(asOf) })}</p>}
        {updated && <p className="alert ok live-hint">{t('updated', { time: formatDateTime(updated.at), count: updated.count, changes: formatNumber(updated.count) })}</p>}
        {live.error && <p className="muted">{t('liveOff')}</p>}
      </div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}

      <div className="picture-layout">
        <section className="card picture-map" aria-labelledby="picture-map-title">
          <h2 id="picture-map-title">{t('map')}</h2>
          {mapped ? (
            <>
              <div className="form-row">
                <div className="field">
                  <label htmlFor="picture-measure">{t('measure')}</label>
                  <select id="picture-measure" value={measure} onChange={(event) => setMeasure(event.target.value as Measure)}>
                    {MEASURES.map((value) => (
                      <option key={value} value={value}>
                        {t(`measures.${value}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="picture-mapLevel">{t('mapLevel')}</label>
                  <select id="picture-mapLevel" value={level} onChange={(event) => setLevel(Number(event.target.value) as 1 | 2)}>
                    <option value={1}>{t('levels.1')}</option>
                    <option value={2}>{t('levels.2')}</option>
                  </select>
                </div>
              </div>
              <Suspense fallback={<p role="status">{t('mapLoading')}</p>}>
                <AreaMap
                  country={country as 'CAF' | 'HTI'}
                  countryName={countryName}
                  level={level}
                  measureLabel={t(`measures.${measure}`)}
                  valueOf={valueOf}
                  isGap={isGap}
                  selected={area?.pcode ?? null}
                  nameOf={nameOf}
                  onSelect={(pcode, name) => setArea(area?.pcode === pcode ? null : { pcode, name })}
                />
              </Suspense>
            </>
          ) : (
            <p className="alert warning">{t('noBoundaries', { country: countryName })}</p>
          )}
        </section>

        <section className="card picture-matrix" aria-labelledby="picture-matrix-title">
          <h2 id="picture-matrix-title">{t('matrix')}</h2>
          {matrix.fetching && !matrix.data && <p role="status">{t('loading')}</p>}
          {matrix.data &&
            (matrix.data.whoWhatWhere.length ? (
              <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="picture-matrix-title">
                {/* Overlaps are answered for the present only: an as-of view does not mark them. */}
                <Matrix rows={matrix.data.whoWhatWhere} groupBy={groupBy} overlapsOf={asOf ? noOverlaps : overlapsOf} />
              </div>
            ) : (
              <p>{t('noRows')}</p>
            ))}
        </section>
      </div>

      <div className="picture-signals">
        <section className="card" aria-labelledby="picture-gaps-title">
          <h2 id="picture-gaps-title">{t('gapsTitle')}</h2>
          <p className="muted">{t('gapsIntro')}</p>
          {asOf && <p className="muted">{t('signalsNow')}</p>}
          {gaps.length ? (
            <ul className="gaps">
              {gaps.map((gap) => (
                <li key={`${gap.location.pcode}-${gap.sector}`} className={`gap severity-${gap.highestSeverity.toLowerCase()}`}>
                  <span className="badge">{t('areaGap')}</span>{' '}
                  <span>{t('gapRow', {
                    sector: t(`sectors.${gap.sector}`),
                    place: gap.location.name,
                    count: gap.concerns,
                    concerns: formatNumber(gap.concerns),
                    severity: t(`severities.${gap.highestSeverity}`),
                    since: formatDate(gap.since),
                  })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('noGaps')}</p>
          )}
        </section>
        <section className="card" aria-labelledby="picture-overlaps-title">
          <h2 id="picture-overlaps-title">{t('overlapsTitle')}</h2>
          <p className="muted">{t('overlapsIntro')}</p>
          {asOf && <p className="muted">{t('signalsNow')}</p>}
          {overlaps.length ? (
            <ul className="overlaps">
              {overlaps.map((overlap) => (
                <li key={`${overlap.location.pcode}-${overlap.sector}-${overlap.month}`}>
                  {t('overlapRow', {
                    sector: t(`sectors.${overlap.sector}`),
                    place: overlap.location.name,
                    month: overlap.month,
                    organizations: overlap.organizations.map((organization) => organization.acronym ?? organization.name).join(', '),
                    deliveries: formatNumber(overlap.deliveries),
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('noOverlaps')}</p>
          )}
        </section>
      </div>
    </section>
  );
};

export default PicturePage;
