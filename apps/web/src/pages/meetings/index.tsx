import { FormEvent, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/page-props';
import { href, navigate } from '../../app/router';
import { useSession } from '../../auth/session';
import {
  AssignFollowUpDocument,
  CancelLiaisonMeetingDocument,
  CompleteFollowUpDocument,
  EarlyWarningDocument,
  LiaisonMeetingDocument,
  LiaisonMeetingsDocument,
  OrganizationsDocument,
  RaiseConcernDocument,
  RecordMeetingHeldDocument,
  ScheduleLiaisonMeetingDocument,
  type LiaisonMeetingQuery,
  type Sector,
  type Severity,
} from '../../generated/graphql';
import { describeError } from '../../ui/errors';
import { formatDate, formatDateTime, formatNumber } from '../../ui/format';
import { ErrorMessage, orgLabel, sectorLabel, SECTORS, severityLabel, SEVERITIES, useCommand } from '../action-plans/shared';
import './messages';
import './meetings.css';

type Meeting = NonNullable<LiaisonMeetingQuery['liaisonMeeting']>;
type Concern = Meeting['concerns'][number];

// liaison-meeting.rules.ts and complete-follow-up.decide.ts: who acts on a meeting and on a follow-up.
const ACTING_ROLES = ['LIAISON_OFFICER', 'AGENCY_OFFICER', 'GOVERNMENT_COUNTERPART', 'COMMUNITY_FOCAL_POINT'] as const;

const SeverityBadge = ({ severity }: { severity: Severity }) => (
  <span className={`badge severity severity-${severity.toLowerCase()}`}>
    {severity === 'CRITICAL' && <span aria-hidden="true">⚠ </span>}
    {severityLabel(severity)}
  </span>
);

const MeetingList = ({ params }: { params: URLSearchParams }) => {
  const { t } = useTranslation('meetings');
  const { hasRole } = useSession();
  const filters = { adminCode: params.get('adminCode') || null, from: params.get('from') || null, to: params.get('to') || null };
  const [draft, setDraft] = useState({ adminCode: filters.adminCode ?? '', from: filters.from ?? '', to: filters.to ?? '' });
  const [result] = useQuery({ query: LiaisonMeetingsDocument, variables: filters });
  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    const query = new URLSearchParams(Object.entries(draft).filter(([, value]) => value.trim() !== ''));
    location.hash = query.size ? `${href('meetings')}?${query}` : href('meetings');
  };
  const meetings = [...(result.data?.liaisonMeetings ?? [])].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return (
    <>
      <h1>{t('title')}</h1>
      <form className="form-row" onSubmit={onFilter} aria-label={t('filters')}>
        <label>
          {t('adminCode')}
          <input value={draft.adminCode} onChange={(event) => setDraft({ ...draft, adminCode: event.target.value })} />
        </label>
        <label>
          {t('from')}
          <input type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} />
        </label>
        <label>
          {t('to')}
          <input type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        </label>
        <button type="submit" className="secondary">
          {t('apply')}
        </button>
        {hasRole('LIAISON_OFFICER') && (
          <a className="button" href={href('meetings', 'new')}>
            {t('schedule')}
          </a>
        )}
      </form>
      <ErrorMessage message={describeError(result.error)} />
      {result.data && meetings.length === 0 && <p>{t('none')}</p>}
      {meetings.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('columns.title')}</th>
              <th scope="col">{t('columns.host')}</th>
              <th scope="col">{t('columns.area')}</th>
              <th scope="col">{t('columns.startsAt')}</th>
              <th scope="col">{t('columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {meetings.map((meeting) => (
              <tr key={meeting.id}>
                <td>
                  <a href={href('meetings', meeting.id)}>{meeting.title}</a>
                </td>
                <td>{orgLabel(meeting.host)}</td>
                <td>
                  {meeting.location.name} ({meeting.location.pcode})
                </td>
                <td>{formatDateTime(meeting.startsAt)}</td>
                <td>{t(`status.${meeting.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};

const NewMeeting = () => {
  const { t } = useTranslation('meetings');
  const schedule = useCommand(ScheduleLiaisonMeetingDocument);
  const [form, setForm] = useState({ title: '', adminCode: '', startsAt: '' });
  const [stakeholders, setStakeholders] = useState([{ name: '', group: '' }]);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const id = await schedule.run({
      title: form.title,
      adminCode: form.adminCode.trim(),
      // datetime-local is the user's wall clock; the server keeps UTC.
      startsAt: form.startsAt ? new Date(form.startsAt).toISOString() : '',
      stakeholders: stakeholders.filter((stakeholder) => stakeholder.name.trim()),
    });
    if (id) navigate('meetings', id);
  };
  return (
    <>
      <h1>{t('new.heading')}</h1>
      <form className="card" onSubmit={onSubmit}>
        <div className="form-row">
          <label className="wide">
            {t('new.title')}
            <input required value={form.title} onChange={(event) => setForm({ ...form, title: event.target.value })} />
          </label>
          <label>
            {t('adminCode')}
            <input required value={form.adminCode} onChange={(event) => setForm({ ...form, adminCode: event.target.value })} />
          </label>
          <label>
            {t('new.startsAt')}
            <input type="datetime-local" required value={form.startsAt} onChange={(event) => setForm({ ...form, startsAt: event.target.value })} />
          </label>
        </div>
        <fieldset>
          <legend>{t('stakeholders.heading')}</legend>
          {stakeholders.map((stakeholder, index) => (
            <div className="form-row" key={index}>
              <label>
                {t('stakeholders.name')} {index + 1}
                <input value={stakeholder.name} onChange={(event) => setStakeholders(stakeholders.map((s, i) => (i === index ? { ...s, name: event.target.value } : s)))} />
              </label>
              <label>
                {t('stakeholders.group')} {index + 1}
                <input value={stakeholder.group} onChange={(event) => setStakeholders(stakeholders.map((s, i) => (i === index ? { ...s, group: event.target.value } : s)))} />
              </label>
              {stakeholders.length > 1 && (
                <button type="button" className="secondary" onClick={() => setStakeholders(stakeholders.filter((_, i) => i !== index))}>
                  {t('stakeholders.remove', { index: index + 1 })}
                </button>
              )}
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => setStakeholders([...stakeholders, { name: '', group: '' }])}>
            {t('stakeholders.add')}
          </button>
        </fieldset>
        <ErrorMessage message={schedule.error} />
        <div className="form-row">
          <button type="submit" disabled={schedule.busy}>
            {t('new.submit')}
          </button>
          <a href={href('meetings')}>{t('new.cancel')}</a>
        </div>
      </form>
    </>
  );
};

const HostScheduledPanel = ({ meeting }: { meeting: Meeting }) => {
  const { t } = useTranslation('meetings');
  const held = useCommand(RecordMeetingHeldDocument);
  const cancel = useCommand(CancelLiaisonMeetingDocument);
  const [counts, setCounts] = useState({ women: '', men: '', youth: '' });
  const [reason, setReason] = useState('');
  const onHeld = (event: FormEvent) => {
    event.preventDefault();
    void held.run({
      meetingId: meeting.id,
      expectedVersion: meeting.version,
      attendanceWomen: Number(counts.women),
      attendanceMen: Number(counts.men),
      attendanceYouth: counts.youth === '' ? null : Number(counts.youth),
    });
  };
  const onCancel = (event: FormEvent) => {
    event.preventDefault();
    void cancel.run({ meetingId: meeting.id, expectedVersion: meeting.version, reason });
  };
  return (
    <div className="panels">
      <form className="card" onSubmit={onHeld} aria-labelledby="held-heading">
        <h2 id="held-heading">{t('held.heading')}</h2>
        <div className="form-row">
          {(['women', 'men', 'youth'] as const).map((field) => (
            <label key={field}>
              {t(`attendance.${field}`)}
              <input type="number" min={0} step={1} required={field !== 'youth'} value={counts[field]} onChange={(event) => setCounts({ ...counts, [field]: event.target.value })} />
            </label>
          ))}
          <button type="submit" disabled={held.busy}>
            {t('held.submit')}
          </button>
        </div>
        <ErrorMessage message={held.error} />
      </form>
      <form className="card" onSubmit={onCancel} aria-labelledby="cancel-heading">
        <h2 id="cancel-heading">{t('cancel.heading')}</h2>
        <div className="form-row">
          <label className="wide">
            {t('cancel.reason')}
            <input required value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
          <button type="submit" className="danger" disabled={cancel.busy}>
            {t('cancel.submit')}
          </button>
        </div>
        <ErrorMessage message={cancel.error} />
      </form>
    </div>
  );
};

const RaiseConcern = ({ meeting }: { meeting: Meeting }) => {
  const { t } = useTranslation('meetings');
  const raise = useCommand(RaiseConcernDocument);
  const empty = { sector: '', severity: '', adminCode: meeting.location.pcode, text: '', sensitive: false };
  const [form, setForm] = useState(empty);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const id = await raise.run({
      meetingId: meeting.id,
      expectedVersion: meeting.version,
      sector: form.sector as Sector,
      severity: form.severity as Severity,
      adminCode: form.adminCode.trim(),
      text: form.text,
      sensitive: form.sensitive,
    });
    if (id) setForm(empty);
  };
  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="raise-heading">
      <h3 id="raise-heading">{t('concerns.raise')}</h3>
      <div className="form-row">
        <label>
          {t('concerns.sector')}
          <select required value={form.sector} onChange={(event) => setForm({ ...form, sector: event.target.value })}>
            <option value="">{t('concerns.choose')}</option>
            {SECTORS.map((sector) => (
              <option key={sector} value={sector}>
                {sectorLabel(sector)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('concerns.severity')}
          <select required value={form.severity} onChange={(event) => setForm({ ...form, severity: event.target.value })}>
            <option value="">{t('concerns.choose')}</option>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severityLabel(severity)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('adminCode')}
          <input required value={form.adminCode} onChange={(event) => setForm({ ...form, adminCode: event.target.value })} />
        </label>
      </div>
      <div className="form-row">
        <label className="wide">
          {t('concerns.text')}
          <textarea required rows={2} value={form.text} onChange={(event) => setForm({ ...form, text: event.target.value })} />
        </label>
      </div>
      <div className="form-row">
        <label className="checkbox">
          <input type="checkbox" checked={form.sensitive} onChange={(event) => setForm({ ...form, sensitive: event.target.checked })} />
          {t('concerns.sensitiveLabel')}
        </label>
        <button type="submit" disabled={raise.busy}>
          {t('concerns.submit')}
        </button>
      </div>
      <ErrorMessage message={raise.error} />
      {raise.done && (
        <p className="alert ok" role="status">
          {t('concerns.raised')}
        </p>
      )}
    </form>
  );
};

const AssignFollowUp = ({ meeting, concern }: { meeting: Meeting; concern: Concern }) => {
  const { t } = useTranslation('meetings');
  const [organizations] = useQuery({ query: OrganizationsDocument });
  const assign = useCommand(AssignFollowUpDocument);
  const [form, setForm] = useState({ assigneeId: '', dueDate: '' });
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (await assign.run({ meetingId: meeting.id, concernId: concern.id, expectedVersion: meeting.version, ...form })) setForm({ assigneeId: '', dueDate: '' });
  };
  return (
    <form onSubmit={onSubmit} aria-label={t('followUps.assign')}>
      <div className="form-row">
        <label>
          {t('followUps.assignee')}
          <select required value={form.assigneeId} onChange={(event) => setForm({ ...form, assigneeId: event.target.value })}>
            <option value="">{t('concerns.choose')}</option>
            {(organizations.data?.organizations ?? []).map((organization) => (
              <option key={organization.id} value={organization.id}>
                {orgLabel(organization)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('followUps.due')}
          <input type="date" required value={form.dueDate} onChange={(event) => setForm({ ...form, dueDate: event.target.value })} />
        </label>
        <button type="submit" className="secondary" disabled={assign.busy}>
          {t('followUps.assignSubmit')}
        </button>
      </div>
      <ErrorMessage message={assign.error} />
    </form>
  );
};

const CompleteFollowUp = ({ meeting, followUp }: { meeting: Meeting; followUp: Concern['followUps'][number] }) => {
  const { t } = useTranslation('meetings');
  const complete = useCommand(CompleteFollowUpDocument);
  const [note, setNote] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void complete.run({ meetingId: meeting.id, followUpId: followUp.id, expectedVersion: meeting.version, note: note.trim() || null });
  };
  return (
    <form className="form-row" onSubmit={onSubmit}>
      <label>
        {t('followUps.completeNote')}
        <input value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <button type="submit" aria-label={t('followUps.completeLabel', { due: formatDate(followUp.dueDate) })} disabled={complete.busy}>
        {t('followUps.complete')}
      </button>
      <ErrorMessage message={complete.error} />
    </form>
  );
};

const ConcernCard = ({ meeting, concern, isHost }: { meeting: Meeting; concern: Concern; isHost: boolean }) => {
  const { t } = useTranslation('meetings');
  const { session, hasRole } = useSession();
  return (
    <li className={`card concern concern-${concern.severity.toLowerCase()}`}>
      <p>
        <SeverityBadge severity={concern.severity} /> <strong>{sectorLabel(concern.sector)}</strong> — {concern.location.name} ({concern.location.pcode}) ·{' '}
        <span className="muted">
          {t('concerns.raisedAt')} {formatDateTime(concern.raisedAt)}
        </span>
        {concern.sensitive && (
          <>
            {' '}
            <span className="badge">{t('concerns.sensitive')}</span>
          </>
        )}
      </p>
      {concern.text != null ? <blockquote>{concern.text}</blockquote> : <p className="muted redacted">{t('concerns.redacted')}</p>}
      <h4>{t('followUps.heading')}</h4>
      {concern.followUps.length === 0 ? (
        <p className="muted">{t('followUps.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('followUps.assignee')}</th>
              <th scope="col">{t('followUps.due')}</th>
              <th scope="col">{t('followUps.state')}</th>
              <th scope="col">{t('followUps.note')}</th>
            </tr>
          </thead>
          <tbody>
            {concern.followUps.map((followUp) => (
              <tr key={followUp.id} className={followUp.overdue ? 'overdue' : undefined}>
                <td>{orgLabel(followUp.assignee)}</td>
                <td>{formatDate(followUp.dueDate)}</td>
                <td>
                  {followUp.done ? (
                    <span className="badge done-badge">✓ {t('followUps.done')}</span>
                  ) : followUp.overdue ? (
                    <span className="badge overdue-badge">⚠ {t('followUps.overdue')}</span>
                  ) : (
                    t('followUps.open')
                  )}
                </td>
                <td>
                  {followUp.note ?? '—'}
                  {!followUp.done && followUp.assignee.id === session?.organizationId && hasRole(...ACTING_ROLES) && (
                    <CompleteFollowUp meeting={meeting} followUp={followUp} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isHost && meeting.status === 'HELD' && <AssignFollowUp meeting={meeting} concern={concern} />}
    </li>
  );
};

const MeetingPage = ({ id }: { id: string }) => {
  const { t } = useTranslation('meetings');
  const { session, hasRole } = useSession();
  const [result, reexecute] = useQuery({ query: LiaisonMeetingDocument, variables: { id } });
  // A critical concern raised at this meeting from another browser: read the meeting again.
  useSubscription({ query: EarlyWarningDocument, variables: {} }, (_previous: unknown, data) => {
    if (data.earlyWarning.meetingId === id) reexecute({ requestPolicy: 'network-only' });
    return null;
  });
  if (result.error) return <ErrorMessage message={describeError(result.error)} />;
  if (!result.data) return <p role="status">{t('translation:app.loading')}</p>;
  const meeting = result.data.liaisonMeeting;
  if (!meeting)
    return (
      <>
        <h1>{t('title')}</h1>
        <p>{t('notFound')}</p>
        <a href={href('meetings')}>{t('back')}</a>
      </>
    );
  const isHost = meeting.host.id === session?.organizationId && hasRole('LIAISON_OFFICER');
  return (
    <article>
      <p>
        <a href={href('meetings')}>← {t('back')}</a>
      </p>
      <h1>{meeting.title}</h1>
      <dl className="plan-facts">
        <div>
          <dt>{t('facts.status')}</dt>
          <dd>{t(`status.${meeting.status}`)}</dd>
        </div>
        <div>
          <dt>{t('facts.host')}</dt>
          <dd>{orgLabel(meeting.host)}</dd>
        </div>
        <div>
          <dt>{t('facts.area')}</dt>
          <dd>
            {meeting.location.name} ({meeting.location.pcode})
          </dd>
        </div>
        <div>
          <dt>{t('facts.startsAt')}</dt>
          <dd>{formatDateTime(meeting.startsAt)}</dd>
        </div>
        {meeting.cancellationReason && (
          <div>
            <dt>{t('facts.cancelled')}</dt>
            <dd>{meeting.cancellationReason}</dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="stakeholders-heading">
        <h2 id="stakeholders-heading">{t('stakeholders.heading')}</h2>
        {meeting.stakeholders.length === 0 ? (
          <p className="muted">{t('stakeholders.none')}</p>
        ) : (
          <ul>
            {meeting.stakeholders.map((stakeholder, index) => (
              <li key={index}>
                {stakeholder.name} <span className="muted">({stakeholder.group})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t('attendance.heading')}</h2>
        {meeting.attendanceWomen == null ? (
          <p className="muted">{t('attendance.notRecorded')}</p>
        ) : (
          <dl className="plan-facts">
            <div>
              <dt>{t('attendance.women')}</dt>
              <dd>{formatNumber(meeting.attendanceWomen)}</dd>
            </div>
            <div>
              <dt>{t('attendance.men')}</dt>
              <dd>{formatNumber(meeting.attendanceMen)}</dd>
            </div>
            <div>
              <dt>{t('attendance.youth')}</dt>
              <dd>{formatNumber(meeting.attendanceYouth)}</dd>
            </div>
          </dl>
        )}
      </section>
      {isHost && meeting.status === 'SCHEDULED' && <HostScheduledPanel meeting={meeting} />}
      <section aria-labelledby="concerns-heading">
        <h2 id="concerns-heading">{t('concerns.heading')}</h2>
        {meeting.concerns.length === 0 ? (
          <p className="muted">{t('concerns.none')}</p>
        ) : (
          <ul className="concerns">
            {meeting.concerns.map((concern) => (
              <ConcernCard key={concern.id} meeting={meeting} concern={concern} isHost={isHost} />
            ))}
          </ul>
        )}
        {isHost && meeting.status === 'HELD' && <RaiseConcern meeting={meeting} />}
      </section>
    </article>
  );
};

const MeetingsPage = ({ route }: PageProps) => {
  const id = route.segments[1];
  if (id === 'new') return <NewMeeting />;
  if (id) return <MeetingPage id={id} />;
  return <MeetingList key={route.params.toString()} params={route.params} />;
};

export default MeetingsPage;
