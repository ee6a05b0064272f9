import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/page-props';
import { href, navigate } from '../../app/router';
import { useSession } from '../../auth/session';
import { formatDateTime, formatNumber } from '../../ui/format';
import { downloadThreeW } from '../picture/download';
import { NAMESPACE } from './messages';
import './imports.css';

/**
 * `GET /imports/{importId}` (CONTRACT.md and import-report.ts): a REST answer, so not in the
 * GraphQL codegen; only the fields this page shows.
 */
interface ImportReport {
  readonly importId: string;
  readonly status: 'RUNNING' | 'DONE' | 'FAILED';
  readonly totalRows: number;
  readonly processedRows: number;
  readonly imported: number;
  readonly rejected: number;
  readonly fixes: readonly { readonly row: number; readonly field: string; readonly from: string; readonly to: string; readonly rule: string }[];
  readonly rejections: readonly { readonly row: number; readonly reason: string }[];
  readonly file: string;
  readonly presences: { readonly reported: number; readonly updated: number; readonly unchanged: number };
  readonly merged: readonly { readonly row: number; readonly into: number }[];
  readonly organizationsRegistered: readonly { readonly id: string }[];
  readonly aliasesAdded: readonly unknown[];
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly error: string | null;
}

interface RestError {
  readonly status: number;
  readonly message: string;
}

const restError = async (response: Response): Promise<RestError> => {
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  return { status: response.status, message: body?.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${response.status}` };
};

// Polling, not a subscription: the report is REST. Half a second keeps the bar moving without load.
const POLL_MS = 500;
const FIXES_PAGE = 100;

const useImportReport = (token: string, importId: string | null) => {
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<RestError | null>(null);
  useEffect(() => {
    setReport(null);
    setFailure(null);
    if (!importId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const response = await fetch(`/imports/${encodeURIComponent(importId)}`, { headers: { authorization: `Bearer ${token}` } });
        if (stopped) return;
        if (!response.ok) {
          setFailure(await restError(response));
          return;
        }
        const next = (await response.json()) as ImportReport;
        if (stopped) return;
        setReport(next);
        if (next.status === 'RUNNING') timer = setTimeout(() => void poll(), POLL_MS);
      } catch (error) {
        // A dropped connection on a weak link: keep asking, the import goes on on the server.
        if (!stopped) timer = setTimeout(() => void poll(), POLL_MS * 4);
        void error;
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [token, importId]);
  return { report, failure };
};

const Report = ({ report }: { report: ImportReport }) => {
  const { t } = useTranslation(NAMESPACE);
  const [shown, setShown] = useState(FIXES_PAGE);
  const fixedRows = useMemo(() => new Set(report.fixes.map((fix) => fix.row)).size, [report.fixes]);
  const byRule = useMemo(() => {
    const counts = new Map<string, number>();
    for (const fix of report.fixes) counts.set(fix.rule, (counts.get(fix.rule) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]);
  }, [report.fixes]);
  const totals: [string, number][] = [
    ['totalRows', report.totalRows],
    ['imported', report.imported],
    ['rejected', report.rejected],
    ['fixedRows', fixedRows],
    ['fixes', report.fixes.length],
    ['merged', report.merged.length],
    ['presencesReported', report.presences.reported],
    ['presencesUpdated', report.presences.updated],
    ['presencesUnchanged', report.presences.unchanged],
    ['organizationsRegistered', report.organizationsRegistered.length],
    ['aliasesAdded', report.aliasesAdded.length],
  ];
  const fixes = report.fixes.slice(0, shown);
  return (
    <section className="card" aria-labelledby="import-report-title">
      <h2 id="import-report-title">{t('reportTitle')}</h2>
      <h3>{t('totals')}</h3>
      <dl className="import-totals">
        {totals.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd data-total={key}>{formatNumber(value)}</dd>
          </div>
        ))}
      </dl>

      <h3>{t('rejectionsTitle')}</h3>
      {report.rejections.length ? (
        <table>
          <caption className="visually-hidden">{t('rejectionsCaption', { count: report.rejections.length })}</caption>
          <thead>
            <tr>
              <th scope="col" className="number">
                {t('row')}
              </th>
              <th scope="col">{t('reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rejections.map((rejection) => (
              <tr key={rejection.row}>
                <td className="number">{rejection.row}</td>
                <td>{rejection.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('noRejections')}</p>
      )}

      <h3>{t('fixesTitle')}</h3>
      {report.fixes.length ? (
        <>
          <table className="fixes-by-rule">
            <caption>{t('fixesByRule')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rule')}</th>
                <th scope="col" className="number">
                  {t('count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {byRule.map(([rule, count]) => (
                <tr key={rule}>
                  <th scope="row">
                    <code>{rule}</code>
                  </th>
                  <td className="number">{formatNumber(count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {/* A file can carry one fix per row (22,805 for the Mali 5W): shown a page at a time. */}
          <table className="fixes">
            <caption>{t('fixesCaption', { first: 1, last: fixes.length, count: report.fixes.length })}</caption>
            <thead>
              <tr>
                <th scope="col" className="number">
                  {t('row')}
                </th>
                <th scope="col">{t('field')}</th>
                <th scope="col">{t('fromValue')}</th>
                <th scope="col">{t('toValue')}</th>
                <th scope="col">{t('rule')}</th>
              </tr>
            </thead>
            <tbody>
              {fixes.map((fix, index) => (
                <tr key={index}>
                  <td className="number">{fix.row}</td>
                  <td>
                    <code>{fix.field}</code>
                  </td>
                  <td>
                    <code className="raw">{JSON.stringify(fix.from)}</code>
                  </td>
                  <td>
                    <code className="raw">{JSON.stringify(fix.to)}</code>
                  </td>
                  <td>
                    <code>{fix.rule}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown < report.fixes.length && (
            <button type="button" className="secondary" onClick={() => setShown(shown + FIXES_PAGE)}>
              {t('showMore', { count: Math.min(FIXES_PAGE, report.fixes.length - shown) })}
            </button>
          )}
        </>
      ) : (
        <p>{t('noFixes')}</p>
      )}
    </section>
  );
};

const ImportsPage = ({ route }: PageProps) => {
  const { t } = useTranslation(NAMESPACE);
  const { session, hasRole } = useSession();
  const token = session?.token ?? '';
  const importId = route.segments[1] ?? null;
  const mayImport = hasRole('ADMIN', 'LIAISON_OFFICER');
  const fileInput = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const { report, failure } = useImportReport(token, mayImport ? importId : null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setUpload({ busy: false, error: t('chooseFile') });
      return;
    }
    setUpload({ busy: true, error: null });
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const response = await fetch('/imports/3w', { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      if (response.status !== 202) throw new Error((await restError(response)).message);
      const { importId: started } = (await response.json()) as { importId: string };
      setUpload({ busy: false, error: null });
      // The import's own address: a reload or a shared link shows the same report.
      navigate('imports', started);
    } catch (error) {
      setUpload({ busy: false, error: t('uploadFailed', { message: (error as Error).message }) });
    }
  };

  const startDownload = async () => {
    setDownload({ busy: true, error: null });
    try {
      await downloadThreeW(token, {});
      setDownload({ busy: false, error: null });
    } catch (error) {
      setDownload({ busy: false, error: (error as Error).message });
    }
  };

  return (
    <section className="imports-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {!mayImport && <p className="alert warning">{t('notAllowed')}</p>}

      {mayImport && !importId && (
        <form className="card" onSubmit={(event) => void submit(event)}>
          <div className="form-row">
            <label>
              {t('file')}
              <input ref={fileInput} type="file" name="file" accept=".csv,text/csv" required />
            </label>
            <button type="submit" disabled={upload.busy}>
              {upload.busy ? t('uploading') : t('upload')}
            </button>
          </div>
          {upload.error && (
            <p className="alert error" role="alert">
              {upload.error}
            </p>
          )}
        </form>
      )}

      {mayImport && importId && (
        <>
          {failure && (
            <p className="alert error" role="alert">
              {failure.status === 404 ? t('notFound') : t('loadFailed', { message: failure.message })}
            </p>
          )}
          {report && (
            <section className="card" aria-labelledby="import-progress-title">
              <h2 id="import-progress-title">{t('progressTitle')}</h2>
              <p role="status" className={`alert ${report.status === 'FAILED' ? 'error' : report.status === 'DONE' ? 'ok' : 'warning'}`}>
                {t('statusLine', { file: report.file, status: t(`status.${report.status}`) })}
              </p>
              <label className="progress">
                {t('progressLabel')}
                <progress max={Math.max(1, report.totalRows)} value={report.processedRows} />
              </label>
              <p>{t('progress', { processed: formatNumber(report.processedRows), total: formatNumber(report.totalRows) })}</p>
              <p className="muted">
                {t('started', { when: formatDateTime(report.startedAt) })}
                {report.finishedAt && `, ${t('finished', { when: formatDateTime(report.finishedAt) })}`}
              </p>
              {report.error && <p className="alert error">{t('failedBecause', { error: report.error })}</p>}
              <p className="import-links">
                <a href={href('picture')}>{t('seePicture')}</a> · <a href={href('imports')}>{t('another')}</a>
              </p>
            </section>
          )}
          {report && report.status !== 'RUNNING' && <Report report={report} />}
        </>
      )}

      <section className="card" aria-labelledby="import-export-title">
        <h2 id="import-export-title">{t('exportTitle')}</h2>
        <p className="muted">{t('exportIntro')}</p>
        <button type="button" className="secondary" onClick={() => void startDownload()} disabled={download.busy}>
          {download.busy ? t('downloading') : t('download')}
        </button>
        {download.error && <p className="alert error">{t('downloadFailed', { message: download.error })}</p>}
      </section>
    </section>
  );
};

export default ImportsPage;
