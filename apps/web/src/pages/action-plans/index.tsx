import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/page-props';
import { href, navigate } from '../../app/router';
import { useSession } from '../../auth/session';
import {
  ActionPlanChangedDocument,
  ActionPlanChangesDocument,
  ActionPlanDocument,
  ActionPlansDocument,
  AddActionDocument,
  AmendActionDocument,
  AmendActionPlanDocument,
  ApproveActionPlanDocument,
  CloseActionPlanDocument,
  DraftActionPlanDocument,
  OrganizationsDocument,
  RemoveActionDocument,
  ReportActionProgressDocument,
  RequestActionPlanChangesDocument,
  SubmitActionPlanDocument,
  type ActionPlanDetailFragment,
  type ActionPlanStatus,
  type ActionStatus,
  type Sector,
} from '../../generated/graphql';
import { describeError } from '../../ui/errors';
import { formatDate, formatDateTime, formatNumber } from '../../ui/format';
import './messages';
import './action-plans.css';
import { ErrorMessage, orgLabel, requiredMessage, sectorLabel, SECTORS, useCommand } from './shared';

const PLAN_STATUSES: ActionPlanStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'CLOSED'];
const ACTION_STATUSES: ActionStatus[] = ['PLANNED', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED'];
// action-plan.rules.ts: who edits a plan of their organisation, and who reports on their own action.
const EDITING_ROLES = ['LIAISON_OFFICER', 'AGENCY_OFFICER'] as const;
const REPORTING_ROLES = ['LIAISON_OFFICER', 'AGENCY_OFFICER', 'GOVERNMENT_COUNTERPART', 'COMMUNITY_FOCAL_POINT'] as const;
const EDITABLE: ActionPlanStatus[] = ['DRAFT', 'CHANGES_REQUESTED'];

type Plan = ActionPlanDetailFragment;
type Action = Plan['actions'][number];

const StatusBadge = ({ status }: { status: ActionPlanStatus }) => {
  const { t } = useTranslation('action-plans');
  return <span className={`badge plan-status plan-status-${status.toLowerCase()}`}>{t(`status.${status}`)}</span>;
};

const PlanList = ({ status }: { status: ActionPlanStatus | null }) => {
  const { t } = useTranslation('action-plans');
  const { hasRole } = useSession();
  const [result, reexecute] = useQuery({ query: ActionPlansDocument, variables: { status } });
  // A plan drafted or moved elsewhere changes which rows this filter shows: read the list again.
  useSubscription({ query: ActionPlanChangedDocument, variables: {} }, () => {
    reexecute({ requestPolicy: 'network-only' });
    return null;
  });
  // The filter lives in the address, so a filtered list can be bookmarked and shared.
  const onFilter = (value: string) => {
    location.hash = value ? `${href('plans')}?status=${value}` : href('plans');
  };
  return (
    <>
      <h1>{t('title')}</h1>
      <div className="form-row">
        <label>
          {t('filterStatus')}
          <select value={status ?? ''} onChange={(event) => onFilter(event.target.value)}>
            <option value="">{t('allStatuses')}</option>
            {PLAN_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </select>
        </label>
        {hasRole(...EDITING_ROLES) && (
          <a className="button" href={href('plans', 'new')}>
            {t('newPlan')}
          </a>
        )}
      </div>
      <ErrorMessage message={describeError(result.error)} />
      {result.data && result.data.actionPlans.length === 0 && <p>{t('none')}</p>}
      {result.data && result.data.actionPlans.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('columns.title')}</th>
              <th scope="col">{t('columns.lead')}</th>
              <th scope="col">{t('columns.counterpart')}</th>
              <th scope="col">{t('columns.area')}</th>
              <th scope="col">{t('columns.period')}</th>
              <th scope="col">{t('columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {result.data.actionPlans.map((plan) => (
              <tr key={plan.id}>
                <td>
                  <a href={href('plans', plan.id)}>{plan.title}</a>
                </td>
                <td>{orgLabel(plan.lead)}</td>
                <td>{orgLabel(plan.counterpart)}</td>
                <td>{plan.location?.name ?? '—'}</td>
                <td>
                  {formatDate(plan.periodStart)} – {formatDate(plan.periodEnd)}
                </td>
                <td>
                  <StatusBadge status={plan.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};

const DraftPlan = () => {
  const { t } = useTranslation('action-plans');
  const [organizations] = useQuery({ query: OrganizationsDocument });
  const draft = useCommand(DraftActionPlanDocument);
  const [form, setForm] = useState({ title: '', counterpartId: '', adminCode: '', periodStart: '', periodEnd: '' });
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });
  const governments = (organizations.data?.organizations ?? []).filter((organization) => organization.kind === 'HOST_GOVERNMENT');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const id = await draft.run({ ...form, adminCode: form.adminCode.trim() || null });
    if (id) navigate('plans', id);
  };
  return (
    <>
      <h1>{t('draft.heading')}</h1>
      <form className="card" onSubmit={onSubmit}>
        <div className="form-row">
          <label>
            {t('lead.planTitle')}
            <input required value={form.title} onChange={set('title')} size={40} />
          </label>
          <label>
            {t('draft.counterpart')}
            <select required value={form.counterpartId} onChange={set('counterpartId')}>
              <option value="">{t('add.choose')}</option>
              {governments.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {orgLabel(organization)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('lead.adminCode')}
            <input value={form.adminCode} onChange={set('adminCode')} />
          </label>
          <label>
            {t('lead.periodStart')}
            <input type="date" required value={form.periodStart} onChange={set('periodStart')} />
          </label>
          <label>
            {t('lead.periodEnd')}
            <input type="date" required value={form.periodEnd} onChange={set('periodEnd')} />
          </label>
        </div>
        <ErrorMessage message={draft.error} />
        <div className="form-row">
          <button type="submit" disabled={draft.busy}>
            {t('draft.submit')}
          </button>
          <a href={href('plans')}>{t('draft.cancel')}</a>
        </div>
      </form>
    </>
  );
};

const ReviewPanel = ({ plan }: { plan: Plan }) => {
  const { t } = useTranslation('action-plans');
  const approve = useCommand(ApproveActionPlanDocument);
  const requestChanges = useCommand(RequestActionPlanChangesDocument);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const onApprove = async () => {
    requestChanges.reset();
    setMissing(false);
    if (await approve.run({ planId: plan.id, expectedVersion: plan.version, comment: comment.trim() || null })) setComment('');
  };
  const onRequestChanges = async () => {
    approve.reset();
    // DOMAIN.md: changes are requested "with a comment"; say so before the server has to.
    if (!comment.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    if (await requestChanges.run({ planId: plan.id, expectedVersion: plan.version, comment: comment.trim() })) setComment('');
  };
  return (
    <section className="card review-panel" aria-labelledby="review-heading">
      <h2 id="review-heading">{t('review.heading')}</h2>
      <p className="muted">{t('review.help')}</p>
      <div className="form-row">
        <label className="wide">
          {t('review.comment')}
          <textarea
            rows={3}
            value={comment}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? 'review-comment-missing' : undefined}
            onChange={(event) => setComment(event.target.value)}
          />
        </label>
      </div>
      {missing && (
        <p id="review-comment-missing" className="alert error" role="alert">
          {requiredMessage()}
        </p>
      )}
      <ErrorMessage message={approve.error ?? requestChanges.error} />
      <div className="form-row">
        <button type="button" onClick={onApprove} disabled={approve.busy || requestChanges.busy}>
          {t('review.approve')}
        </button>
        <button type="button" className="secondary" onClick={onRequestChanges} disabled={approve.busy || requestChanges.busy}>
          {t('review.requestChanges')}
        </button>
      </div>
    </section>
  );
};

const LeadPanel = ({ plan }: { plan: Plan }) => {
  const { t } = useTranslation('action-plans');
  const amend = useCommand(AmendActionPlanDocument);
  const submit = useCommand(SubmitActionPlanDocument);
  const close = useCommand(CloseActionPlanDocument);
  const [form, setForm] = useState({ title: plan.title, periodStart: plan.periodStart, periodEnd: plan.periodEnd });
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });
  if (plan.status === 'APPROVED') {
    return (
      <section className="card" aria-labelledby="lead-heading">
        <h2 id="lead-heading">{t('lead.heading')}</h2>
        <ErrorMessage message={close.error} />
        <button type="button" className="secondary" disabled={close.busy} onClick={() => void close.run({ planId: plan.id, expectedVersion: plan.version })}>
          {t('lead.close')}
        </button>
      </section>
    );
  }
  if (!EDITABLE.includes(plan.status)) return null;
  const onAmend = (event: FormEvent) => {
    event.preventDefault();
    const changed = {
      title: form.title !== plan.title ? form.title : undefined,
      periodStart: form.periodStart !== plan.periodStart ? form.periodStart : undefined,
      periodEnd: form.periodEnd !== plan.periodEnd ? form.periodEnd : undefined,
    };
    void amend.run({ planId: plan.id, expectedVersion: plan.version, ...changed });
  };
  return (
    <section className="card" aria-labelledby="lead-heading">
      <h2 id="lead-heading">{t('lead.heading')}</h2>
      <form onSubmit={onAmend}>
        <div className="form-row">
          <label>
            {t('lead.planTitle')}
            <input required value={form.title} onChange={set('title')} size={40} />
          </label>
          <label>
            {t('lead.periodStart')}
            <input type="date" required value={form.periodStart} onChange={set('periodStart')} />
          </label>
          <label>
            {t('lead.periodEnd')}
            <input type="date" required value={form.periodEnd} onChange={set('periodEnd')} />
          </label>
          <button type="submit" className="secondary" disabled={amend.busy}>
            {t('lead.amend')}
          </button>
        </div>
        <ErrorMessage message={amend.error} />
      </form>
      <AddAction plan={plan} />
      <ErrorMessage message={submit.error} />
      <button type="button" disabled={submit.busy} onClick={() => void submit.run({ planId: plan.id, expectedVersion: plan.version })}>
        {t('lead.submit')}
      </button>
    </section>
  );
};

interface ActionForm {
  description: string;
  responsibleId: string;
  sector: string;
  adminCode: string;
  startDate: string;
  dueDate: string;
  name: string;
  unit: string;
  baseline: string;
  target: string;
}

const indicatorOf = (form: ActionForm) =>
  form.name.trim() ? { name: form.name, unit: form.unit, baseline: Number(form.baseline || 0), target: Number(form.target || 0) } : null;

/** The fields of an action, shared by the add and amend forms. */
const ActionFields = ({ form, setForm }: { form: ActionForm; setForm: (form: ActionForm) => void }) => {
  const { t } = useTranslation('action-plans');
  const [organizations] = useQuery({ query: OrganizationsDocument });
  const set = (field: keyof ActionForm) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });
  return (
    <>
      <div className="form-row">
        <label className="wide">
          {t('add.description')}
          <input required value={form.description} onChange={set('description')} />
        </label>
        <label>
          {t('add.responsible')}
          <select required value={form.responsibleId} onChange={set('responsibleId')}>
            <option value="">{t('add.choose')}</option>
            {(organizations.data?.organizations ?? []).map((organization) => (
              <option key={organization.id} value={organization.id}>
                {orgLabel(organization)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('add.sector')}
          <select required value={form.sector} onChange={set('sector')}>
            <option value="">{t('add.choose')}</option>
            {SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {sectorLabel(sector)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('add.adminCode')}
          <input required value={form.adminCode} onChange={set('adminCode')} />
        </label>
        <label>
          {t('add.start')}
          <input type="date" required value={form.startDate} onChange={set('startDate')} />
        </label>
        <label>
          {t('add.due')}
          <input type="date" required value={form.dueDate} onChange={set('dueDate')} />
        </label>
      </div>
      <div className="form-row">
        <label>
          {t('add.indicatorName')}
          <input value={form.name} onChange={set('name')} />
        </label>
        <label>
          {t('add.unit')}
          <input value={form.unit} onChange={set('unit')} required={!!form.name.trim()} />
        </label>
        <label>
          {t('add.baseline')}
          <input type="number" step="any" value={form.baseline} onChange={set('baseline')} />
        </label>
        <label>
          {t('add.target')}
          <input type="number" step="any" value={form.target} onChange={set('target')} required={!!form.name.trim()} />
        </label>
      </div>
    </>
  );
};

const AddAction = ({ plan }: { plan: Plan }) => {
  const { t } = useTranslation('action-plans');
  const add = useCommand(AddActionDocument);
  const empty: ActionForm = { description: '', responsibleId: '', sector: '', adminCode: plan.location?.pcode ?? '', startDate: plan.periodStart, dueDate: plan.periodEnd, name: '', unit: '', baseline: '', target: '' };
  const [form, setForm] = useState(empty);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const id = await add.run({
      planId: plan.id,
      expectedVersion: plan.version,
      description: form.description,
      responsibleId: form.responsibleId,
      sector: form.sector as Sector,
      adminCode: form.adminCode.trim(),
      startDate: form.startDate,
      dueDate: form.dueDate,
      indicator: indicatorOf(form),
    });
    if (id) setForm(empty);
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="add-action-heading">
      <h3 id="add-action-heading">{t('add.heading')}</h3>
      <ActionFields form={form} setForm={setForm} />
      <button type="submit" className="secondary" disabled={add.busy}>
        {t('add.submit')}
      </button>
      <ErrorMessage message={add.error} />
    </form>
  );
};

const AmendAction = ({ plan, action }: { plan: Plan; action: Action }) => {
  const { t } = useTranslation('action-plans');
  const amend = useCommand(AmendActionDocument);
  const initial: ActionForm = {
    description: action.description,
    responsibleId: action.responsible.id,
    sector: action.sector,
    adminCode: action.location.pcode,
    startDate: action.startDate,
    dueDate: action.dueDate,
    name: action.indicator?.name ?? '',
    unit: action.indicator?.unit ?? '',
    baseline: action.indicator?.baseline.toString() ?? '',
    target: action.indicator?.target.toString() ?? '',
  };
  const [form, setForm] = useState(initial);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Absent fields are unchanged (AmendActionInput): send only what the lead changed.
    const changed = <K extends keyof ActionForm>(field: K) => (form[field] !== initial[field] ? form[field] : undefined);
    const indicatorChanged = (['name', 'unit', 'baseline', 'target'] as const).some((field) => form[field] !== initial[field]);
    void amend.run({
      planId: plan.id,
      actionId: action.id,
      expectedVersion: plan.version,
      description: changed('description'),
      responsibleId: changed('responsibleId'),
      sector: changed('sector') as Sector | undefined,
      adminCode: changed('adminCode')?.trim(),
      startDate: changed('startDate'),
      dueDate: changed('dueDate'),
      indicator: indicatorChanged ? indicatorOf(form) : undefined,
    });
  };
  return (
    <details className="progress-form">
      <summary>{t('amend.summary', { description: action.description })}</summary>
      <form onSubmit={onSubmit}>
        <ActionFields form={form} setForm={setForm} />
        <button type="submit" className="secondary" disabled={amend.busy}>
          {t('amend.submit')}
        </button>
        <ErrorMessage message={amend.error} />
      </form>
    </details>
  );
};

const ProgressForm = ({ plan, action }: { plan: Plan; action: Action }) => {
  const { t } = useTranslation('action-plans');
  const report = useCommand(ReportActionProgressDocument);
  const [form, setForm] = useState({ status: action.status as string, actual: action.indicator?.actual?.toString() ?? '', note: '' });
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => setForm({ ...form, [field]: event.target.value });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const id = await report.run({
      planId: plan.id,
      actionId: action.id,
      expectedVersion: plan.version,
      status: form.status as ActionStatus,
      actual: form.actual === '' ? null : Number(form.actual),
      note: form.note.trim() || null,
    });
    if (id) setForm({ ...form, note: '' });
  };
  return (
    <details className="progress-form">
      <summary>{t('progress.summary', { description: action.description })}</summary>
      <form onSubmit={onSubmit}>
        <div className="form-row">
          <label>
            {t('progress.status')}
            <select value={form.status} onChange={set('status')}>
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`actionStatus.${status}`)}
                </option>
              ))}
            </select>
          </label>
          {action.indicator && (
            <label>
              {t('progress.actual', { unit: action.indicator.unit })}
              <input type="number" step="any" value={form.actual} onChange={set('actual')} />
            </label>
          )}
          <label className="wide">
            {t('progress.note')}
            <input value={form.note} onChange={set('note')} />
          </label>
          <button type="submit" disabled={report.busy}>
            {t('progress.submit')}
          </button>
        </div>
        <ErrorMessage message={report.error} />
        {report.done && (
          <p className="alert ok" role="status">
            {t('progress.reported')}
          </p>
        )}
      </form>
    </details>
  );
};

const ActionsTable = ({ plan, canEdit }: { plan: Plan; canEdit: boolean }) => {
  const { t } = useTranslation('action-plans');
  const { session, hasRole } = useSession();
  const remove = useCommand(RemoveActionDocument);
  const reportable = (action: Action) => plan.status === 'APPROVED' && action.responsible.id === session?.organizationId && hasRole(...REPORTING_ROLES);
  const mine = plan.actions.filter(reportable);
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('actions.heading')}</h2>
      {plan.actions.length === 0 ? (
        <p>{t('actions.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('actions.description')}</th>
                <th scope="col">{t('actions.responsible')}</th>
                <th scope="col">{t('actions.sector')}</th>
                <th scope="col">{t('actions.area')}</th>
                <th scope="col">{t('actions.start')}</th>
                <th scope="col">{t('actions.due')}</th>
                <th scope="col">{t('actions.status')}</th>
                <th scope="col">{t('actions.indicator')}</th>
                <th scope="col">{t('actions.note')}</th>
                {canEdit && (
                  <th scope="col">
                    <span className="visually-hidden">{t('actions.remove')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {plan.actions.map((action) => (
                <tr key={action.id} className={action.overdue ? 'overdue' : undefined}>
                  <td>{action.description}</td>
                  <td>{orgLabel(action.responsible)}</td>
                  <td>{sectorLabel(action.sector)}</td>
                  <td>{action.location.name}</td>
                  <td>{formatDate(action.startDate)}</td>
                  <td>
                    {formatDate(action.dueDate)}
                    {action.overdue && (
                      <>
                        {' '}
                        <span className="badge overdue-badge">⚠ {t('actions.overdue')}</span>
                      </>
                    )}
                  </td>
                  <td>{t(`actionStatus.${action.status}`)}</td>
                  <td>
                    {action.indicator ? (
                      <>
                        {action.indicator.name} ({action.indicator.unit}):{' '}
                        {t('actions.baselineTarget', { baseline: formatNumber(action.indicator.baseline, 2), target: formatNumber(action.indicator.target, 2) })}
                        {action.indicator.actual != null && <>, {t('actions.actual', { actual: formatNumber(action.indicator.actual, 2) })}</>}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{action.note ?? '—'}</td>
                  {canEdit && (
                    <td>
                      <button
                        type="button"
                        className="danger"
                        aria-label={t('actions.removeLabel', { description: action.description })}
                        disabled={remove.busy}
                        onClick={() => void remove.run({ planId: plan.id, actionId: action.id, expectedVersion: plan.version })}
                      >
                        {t('actions.remove')}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorMessage message={remove.error} />
      {canEdit && plan.actions.length > 0 && (
        <div className="card">
          <h3>{t('amend.heading')}</h3>
          {plan.actions.map((action) => (
            <AmendAction key={`${action.id}-${plan.version}`} plan={plan} action={action} />
          ))}
        </div>
      )}
      {mine.length > 0 && (
        <div className="card">
          <h3>{t('progress.heading')}</h3>
          {mine.map((action) => (
            <ProgressForm key={action.id} plan={plan} action={action} />
          ))}
        </div>
      )}
    </section>
  );
};

const ReviewComments = ({ plan }: { plan: Plan }) => {
  const { t } = useTranslation('action-plans');
  return (
    <section aria-labelledby="comments-heading">
      <h2 id="comments-heading">{t('comments.heading')}</h2>
      {plan.reviewComments.length === 0 ? (
        <p className="muted">{t('comments.none')}</p>
      ) : (
        <ol className="review-comments">
          {[...plan.reviewComments].reverse().map((comment) => (
            <li key={`${comment.at}-${comment.verdict}`} className="card">
              <p>
                <strong>{t(`verdict.${comment.verdict}`)}</strong> —{' '}
                <span className="muted">{t('comments.by', { author: orgLabel(comment.author), at: formatDateTime(comment.at) })}</span>
              </p>
              {comment.text && <blockquote>{comment.text}</blockquote>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};

const localDay = (iso: string) => {
  const date = new Date(iso);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
};

const ChangesSince = ({ plan }: { plan: Plan }) => {
  const { t } = useTranslation('action-plans');
  // A reviewer comes back to what moved since their last word; before any, since the plan began.
  const lastReview = plan.reviewComments.at(-1)?.at;
  const [day, setDay] = useState(() => localDay(lastReview ?? new Date(Date.now() - 7 * 86_400_000).toISOString()));
  const since = useMemo(() => (day ? new Date(`${day}T00:00:00`).toISOString() : null), [day]);
  const [result, reexecute] = useQuery({ query: ActionPlanChangesDocument, variables: { id: plan.id, since: since ?? '' }, pause: !since });
  // Changes made elsewhere reach this page through the plan's subscription, not through a command
  // of this browser: a new plan version means new changes to list.
  const seen = useRef(plan.version);
  useEffect(() => {
    if (seen.current === plan.version) return;
    seen.current = plan.version;
    reexecute({ requestPolicy: 'network-only' });
  }, [plan.version, reexecute]);
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('changes.heading')}</h2>
      <div className="form-row">
        <label>
          {t('changes.since')}
          <input type="date" value={day} onChange={(event) => setDay(event.target.value)} />
        </label>
      </div>
      <ErrorMessage message={describeError(result.error)} />
      {result.data && result.data.actionPlanChanges.length === 0 && <p className="muted">{t('changes.none')}</p>}
      {result.data && result.data.actionPlanChanges.length > 0 && (
        <ol className="plan-changes">
          {result.data.actionPlanChanges.map((change) => (
            <li key={change.version}>
              <strong>{t(`changes.kind.${change.kind}`)}</strong> <span className="muted">{formatDateTime(change.at)}</span>{' '}
              <span className="muted">{t('changes.by', { actor: change.actor, organization: orgLabel(change.organization) })}</span>
              {change.actionDescription && <div>{change.actionDescription}</div>}
              {change.previousActionStatus !== change.actionStatus && change.actionStatus && (
                <div>
                  {change.previousActionStatus ? t(`actionStatus.${change.previousActionStatus}`) : '—'} → {t(`actionStatus.${change.actionStatus}`)}
                </div>
              )}
              {change.actual != null && change.previousActual !== change.actual && (
                <div>
                  {formatNumber(change.previousActual, 2)} → {formatNumber(change.actual, 2)}
                </div>
              )}
              {change.fields.length > 0 && (
                <ul>
                  {change.fields.map((field) => (
                    <li key={field.field}>{t('changes.field', { field: field.field, from: field.from ?? '—', to: field.to ?? '—' })}</li>
                  ))}
                </ul>
              )}
              {change.comment && <blockquote>{change.comment}</blockquote>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};

const PlanPage = ({ id }: { id: string }) => {
  const { t } = useTranslation('action-plans');
  const { session, hasRole } = useSession();
  const [result] = useQuery({ query: ActionPlanDocument, variables: { id } });
  // The subscription's plan lands in the normalised cache, so the page below redraws with it.
  useSubscription({ query: ActionPlanChangedDocument, variables: { id } });
  const plan = result.data?.actionPlan;
  if (result.error) return <ErrorMessage message={describeError(result.error)} />;
  if (!result.data) return <p role="status">{t('translation:app.loading')}</p>;
  if (!plan)
    return (
      <>
        <h1>{t('title')}</h1>
        <p>{t('notFound')}</p>
        <a href={href('plans')}>{t('back')}</a>
      </>
    );
  const isLead = plan.lead.id === session?.organizationId && hasRole(...EDITING_ROLES);
  const isCounterpart = plan.counterpart.id === session?.organizationId && hasRole('GOVERNMENT_COUNTERPART');
  return (
    <article className="action-plan">
      <p>
        <a href={href('plans')}>← {t('back')}</a>
      </p>
      <h1>{plan.title}</h1>
      <dl className="plan-facts">
        <div>
          <dt>{t('plan.status')}</dt>
          <dd>
            <StatusBadge status={plan.status} />
          </dd>
        </div>
        <div>
          <dt>{t('plan.lead')}</dt>
          <dd>{orgLabel(plan.lead)}</dd>
        </div>
        <div>
          <dt>{t('plan.counterpart')}</dt>
          <dd>{orgLabel(plan.counterpart)}</dd>
        </div>
        <div>
          <dt>{t('plan.area')}</dt>
          <dd>{plan.location ? `${plan.location.name} (${plan.location.pcode})` : t('plan.everywhere')}</dd>
        </div>
        <div>
          <dt>{t('plan.period')}</dt>
          <dd>
            {formatDate(plan.periodStart)} – {formatDate(plan.periodEnd)}
          </dd>
        </div>
        {plan.submittedAt && (
          <div>
            <dt>{t('plan.submittedAt')}</dt>
            <dd>{formatDateTime(plan.submittedAt)}</dd>
          </div>
        )}
        {plan.approvedAt && (
          <div>
            <dt>{t('plan.approvedAt')}</dt>
            <dd>{formatDateTime(plan.approvedAt)}</dd>
          </div>
        )}
      </dl>
      <p className="muted visually-hidden">{t('live')}</p>
      {isCounterpart && plan.status === 'SUBMITTED' && <ReviewPanel plan={plan} />}
      <ActionsTable plan={plan} canEdit={isLead && EDITABLE.includes(plan.status)} />
      {isLead && <LeadPanel key={plan.version} plan={plan} />}
      <ReviewComments plan={plan} />
      <ChangesSince plan={plan} />
    </article>
  );
};

const ActionPlansPage = ({ route }: PageProps) => {
  const id = route.segments[1];
  if (id === 'new') return <DraftPlan />;
  if (id) return <PlanPage id={id} />;
  const status = route.params.get('status');
  return <PlanList status={PLAN_STATUSES.includes(status as ActionPlanStatus) ? (status as ActionPlanStatus) : null} />;
};

export default ActionPlansPage;
