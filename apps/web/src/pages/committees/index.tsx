import { FormEvent, KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import type { PageProps } from '../../app/page-props';
import { href } from '../../app/router';
import { useSession } from '../../auth/session';
import {
  CancelSessionDocument,
  CommitteesDocument,
  ConcludeSessionDocument,
  RecordAttendanceDocument,
  RecordDecisionDocument,
  ScheduleSessionDocument,
  type CommitteesQuery,
  type Sector,
} from '../../generated/graphql';
import i18n from '../../i18n';
import { describeError } from '../../ui/errors';
import { formatDate, formatDateTime } from '../../ui/format';
import { ErrorMessage, orgLabel, requiredMessage, sectorLabel, SECTORS, useCommand } from '../action-plans/shared';
import { Clash, findClashes } from './clashes';
import './messages';
import './committees.css';

type Committee = CommitteesQuery['committees'][number];
type Session = Committee['sessions'][number];
type Organization = Committee['members'][number];

const locale = () => (i18n.language === 'fr' ? 'fr-FR' : 'en-GB');
const dayKey = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate());
const addDays = (date: Date, days: number) => new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
const addMonths = (date: Date, months: number) => {
  const target = new Date(date.getFullYear(), date.getMonth() + months, 1);
  const last = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  return new Date(target.getFullYear(), target.getMonth(), Math.min(date.getDate(), last));
};
const time = (iso: string) => new Intl.DateTimeFormat(locale(), { timeStyle: 'short' }).format(new Date(iso));
const span = (session: { startsAt: string; endsAt: string }) => `${formatDateTime(session.startsAt)} – ${time(session.endsAt)}`;

interface Entry {
  readonly session: Session;
  readonly committee: Committee;
  readonly clashes: readonly Clash[];
}

const useCalendar = (committees: readonly Committee[]) =>
  useMemo(() => {
    const sessions = committees.flatMap((committee) => committee.sessions);
    const clashes = findClashes(committees, sessions);
    const entries: Entry[] = committees
      .flatMap((committee) => committee.sessions.map((session) => ({ session, committee, clashes: clashes.get(session.id) ?? [] })))
      .sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
    const byDay = new Map<string, Entry[]>();
    for (const entry of entries) {
      const key = dayKey(new Date(entry.session.startsAt));
      byDay.set(key, [...(byDay.get(key) ?? []), entry]);
    }
    return { entries, byDay, committeesById: new Map(committees.map((committee) => [committee.id, committee])) };
  }, [committees]);

const ClashNote = ({ entry, committeesById }: { entry: Entry; committeesById: Map<string, Committee> }) => {
  const { t } = useTranslation('committees');
  if (entry.clashes.length === 0) return null;
  return (
    <ul className="clash-notes">
      {entry.clashes.map((clash) => {
        const other = committeesById.get(clash.committeeId);
        const session = other?.sessions.find((candidate) => candidate.id === clash.sessionId);
        const members = clash.memberIds.map((id) => orgLabel(entry.committee.members.find((member) => member.id === id) ?? null)).join(', ');
        return (
          <li key={clash.sessionId} className="clash-note">
            <span aria-hidden="true">⚠ </span>
            {t('clashWith', { members, committee: other?.name ?? clash.committeeId, time: session ? span(session) : '' })}
          </li>
        );
      })}
    </ul>
  );
};

const SessionRow = ({ entry, committeesById }: { entry: Entry; committeesById: Map<string, Committee> }) => {
  const { t } = useTranslation('committees');
  return (
    <tr className={entry.clashes.length ? 'clashing' : undefined}>
      <td>
        <a href={href('committees', entry.committee.id)}>{entry.committee.name}</a>
      </td>
      <td>
        {span(entry.session)}
        {entry.clashes.length > 0 && (
          <>
            {' '}
            <span className="badge clash-badge">⚠ {t('clash')}</span>
          </>
        )}
        <ClashNote entry={entry} committeesById={committeesById} />
      </td>
      <td>{entry.session.venue}</td>
      <td>{entry.session.agenda.join(' · ')}</td>
      <td>{t(`status.${entry.session.status}`)}</td>
    </tr>
  );
};

const SessionTable = ({ entries, committeesById }: { entries: readonly Entry[]; committeesById: Map<string, Committee> }) => {
  const { t } = useTranslation('committees');
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('columns.committee')}</th>
            <th scope="col">{t('columns.when')}</th>
            <th scope="col">{t('columns.venue')}</th>
            <th scope="col">{t('columns.agenda')}</th>
            <th scope="col">{t('columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <SessionRow key={entry.session.id} entry={entry} committeesById={committeesById} />
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** A month of days as a grid: one tab stop, arrow keys move the day (WAI-ARIA grid pattern). */
const MonthGrid = ({ calendar }: { calendar: ReturnType<typeof useCalendar> }) => {
  const { t } = useTranslation('committees');
  const [cursor, setCursor] = useState(() => startOfDay(new Date()));
  const [selected, setSelected] = useState<string | null>(null);
  const focusAfterMove = useRef(false);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  useEffect(() => {
    if (!focusAfterMove.current) return;
    focusAfterMove.current = false;
    buttons.current.get(dayKey(cursor))?.focus();
  }, [cursor]);
  const first = new Date(cursor.getFullYear(), cursor.getMonth(), 1);
  const gridStart = addDays(first, -((first.getDay() + 6) % 7));
  const weeks = Array.from({ length: 6 }, (_, week) => Array.from({ length: 7 }, (_, day) => addDays(gridStart, week * 7 + day)));
  const weekdays = weeks[0].map((day) => new Intl.DateTimeFormat(locale(), { weekday: 'short' }).format(day));
  const longWeekdays = weeks[0].map((day) => new Intl.DateTimeFormat(locale(), { weekday: 'long' }).format(day));
  const move = (to: Date, focus = true) => {
    focusAfterMove.current = focus;
    setCursor(to);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, () => Date> = {
      ArrowLeft: () => addDays(cursor, -1),
      ArrowRight: () => addDays(cursor, 1),
      ArrowUp: () => addDays(cursor, -7),
      ArrowDown: () => addDays(cursor, 7),
      Home: () => addDays(cursor, -((cursor.getDay() + 6) % 7)),
      End: () => addDays(cursor, 6 - ((cursor.getDay() + 6) % 7)),
      PageUp: () => addMonths(cursor, -1),
      PageDown: () => addMonths(cursor, 1),
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    move(next());
  };
  const selectedEntries = selected ? (calendar.byDay.get(selected) ?? []) : [];
  const selectedDate = selected ? new Date(`${selected}T00:00:00`) : null;
  return (
    <>
      <div className="calendar-toolbar">
        <button type="button" className="secondary" onClick={() => move(addMonths(cursor, -1), false)}>
          ← {t('previous')}
        </button>
        <h3 id="month-title" aria-live="polite">
          {new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric' }).format(cursor)}
        </h3>
        <button type="button" className="secondary" onClick={() => move(addMonths(cursor, 1), false)}>
          {t('next')} →
        </button>
        <button type="button" className="secondary" onClick={() => move(startOfDay(new Date()), false)}>
          {t('today')}
        </button>
      </div>
      <p id="grid-help" className="muted">
        {t('gridHelp')}
      </p>
      <table className="month-grid" role="grid" aria-labelledby="month-title" aria-describedby="grid-help" onKeyDown={onKeyDown}>
        <thead>
          <tr>
            {weekdays.map((weekday, index) => (
              <th key={weekday} scope="col" abbr={longWeekdays[index]}>
                {weekday}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={dayKey(week[0])}>
              {week.map((day) => {
                const key = dayKey(day);
                const entries = calendar.byDay.get(key) ?? [];
                const clash = entries.some((entry) => entry.clashes.length > 0);
                const label = t(clash ? 'dayLabelClash' : 'dayLabel', { date: formatDate(key), count: entries.length });
                const outside = day.getMonth() !== cursor.getMonth();
                return (
                  <td key={key} role="gridcell" aria-selected={selected === key} className={[outside ? 'outside' : '', clash ? 'has-clash' : '', key === dayKey(new Date()) ? 'today' : ''].join(' ')}>
                    <button
                      type="button"
                      ref={(element) => {
                        if (element) buttons.current.set(key, element);
                        else buttons.current.delete(key);
                      }}
                      tabIndex={key === dayKey(cursor) ? 0 : -1}
                      aria-pressed={selected === key}
                      onClick={() => {
                        setSelected(key);
                        move(day, false);
                      }}
                    >
                      {/* The name is the full sentence; what is drawn is its short form (WCAG 2.5.3: the name holds what is visible). */}
                      <span className="visually-hidden">{label}</span>
                      <span className="day-number" aria-hidden="true">
                        {day.getDate()}
                      </span>
                      {entries.slice(0, 3).map((entry) => (
                        <span key={entry.session.id} aria-hidden="true" className={`day-session${entry.session.status === 'CANCELLED' ? ' cancelled' : ''}${entry.clashes.length ? ' clashing' : ''}`}>
                          {entry.clashes.length > 0 && '⚠ '}
                          {time(entry.session.startsAt)} {entry.committee.name}
                        </span>
                      ))}
                      {entries.length > 3 && <span aria-hidden="true" className="day-session more">+{entries.length - 3}</span>}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {selectedDate && (
        <section aria-labelledby="day-heading" className="card">
          <h3 id="day-heading">{t('sessionsOn', { date: formatDate(selected) })}</h3>
          {selectedEntries.length === 0 ? <p className="muted">{t('noSessionsOn')}</p> : <SessionTable entries={selectedEntries} committeesById={calendar.committeesById} />}
        </section>
      )}
    </>
  );
};

interface PreviewClash {
  readonly session: Session;
  readonly other: Committee;
  readonly members: readonly Organization[];
}

/** The sessions of other committees a candidate slot would clash with, as the server will judge it. */
const previewClashes = (all: readonly Committee[], committeeId: string, startsAt: string, endsAt: string): PreviewClash[] => {
  const committee = all.find((candidate) => candidate.id === committeeId);
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (!committee || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end <= start) return [];
  const candidate = { id: '(new)', committeeId, startsAt: start.toISOString(), endsAt: end.toISOString(), status: 'SCHEDULED' };
  const clashes = findClashes(all, [candidate, ...all.flatMap((other) => other.sessions)]).get(candidate.id) ?? [];
  return clashes.flatMap((clash) => {
    const other = all.find((found) => found.id === clash.committeeId);
    const session = other?.sessions.find((found) => found.id === clash.sessionId);
    const members = committee.members.filter((member) => clash.memberIds.includes(member.id));
    return other && session ? [{ session, other, members }] : [];
  });
};

const ScheduleSession = ({ committees, all }: { committees: readonly Committee[]; all: readonly Committee[] }) => {
  const { t } = useTranslation('committees');
  const schedule = useCommand(ScheduleSessionDocument);
  const empty = { committeeId: committees.length === 1 ? committees[0].id : '', startsAt: '', endsAt: '', venue: '', agenda: '' };
  const [form, setForm] = useState(empty);
  const [force, setForce] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const set = (field: keyof typeof form) => (event: { target: { value: string } }) => {
    setForm({ ...form, [field]: event.target.value });
    setForce(false);
  };
  // DOMAIN.md "warn, or reject unless forced": warn while the slot is being chosen.
  const preview = useMemo(() => previewClashes(all, form.committeeId, form.startsAt, form.endsAt), [all, form.committeeId, form.startsAt, form.endsAt]);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.committeeId) return setInvalid(requiredMessage());
    if (form.startsAt && form.endsAt && new Date(form.endsAt) <= new Date(form.startsAt)) return setInvalid(t('schedule.endBeforeStart'));
    setInvalid(null);
    const committee = committees.find((candidate) => candidate.id === form.committeeId);
    const id = await schedule.run({
      committeeId: form.committeeId,
      expectedVersion: committee?.version,
      // datetime-local is the user's wall clock; the server keeps UTC.
      startsAt: new Date(form.startsAt).toISOString(),
      endsAt: new Date(form.endsAt).toISOString(),
      venue: form.venue,
      agenda: form.agenda.split('\n').map((item) => item.trim()).filter(Boolean),
      allowMemberClash: force || undefined,
    });
    if (id) {
      setForm(empty);
      setForce(false);
    }
  };
  return (
    <form className="card" onSubmit={onSubmit} aria-labelledby="schedule-heading">
      <h2 id="schedule-heading">{t('schedule.heading')}</h2>
      <div className="form-row">
        <label>
          {t('schedule.committee')}
          <select required value={form.committeeId} onChange={set('committeeId')}>
            <option value="">{t('schedule.choose')}</option>
            {committees.map((committee) => (
              <option key={committee.id} value={committee.id}>
                {committee.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('schedule.startsAt')}
          <input type="datetime-local" required value={form.startsAt} onChange={set('startsAt')} />
        </label>
        <label>
          {t('schedule.endsAt')}
          <input type="datetime-local" required value={form.endsAt} onChange={set('endsAt')} />
        </label>
        <label>
          {t('schedule.venue')}
          <input required value={form.venue} onChange={set('venue')} />
        </label>
      </div>
      <div className="form-row">
        <label className="wide">
          {t('schedule.agenda')}
          <textarea rows={3} value={form.agenda} onChange={set('agenda')} />
        </label>
      </div>
      {preview.length > 0 && (
        <div className="alert warning" role="status">
          <span aria-hidden="true">⚠ </span>
          {t('schedule.preview')}
          <ul className="clash-notes">
            {preview.map((clash) => (
              <li key={clash.session.id}>
                {clash.members.map(orgLabel).join(', ')} — {clash.other.name} ({span(clash.session)})
              </li>
            ))}
          </ul>
        </div>
      )}
      <ErrorMessage message={invalid ?? schedule.error} />
      {(schedule.reason === 'MEMBER_DOUBLE_BOOKED' || preview.length > 0) && (
        <div className="form-row">
          <label className="checkbox">
            <input type="checkbox" checked={force} onChange={(event) => setForce(event.target.checked)} />
            {t('schedule.force')}
          </label>
        </div>
      )}
      {schedule.done && (
        <p className="alert ok" role="status">
          {t('schedule.scheduled')}
        </p>
      )}
      <button type="submit" disabled={schedule.busy}>
        {t('schedule.submit')}
      </button>
    </form>
  );
};

const CalendarPage = () => {
  const { t } = useTranslation('committees');
  const { session, hasRole } = useSession();
  const [result] = useQuery({ query: CommitteesDocument });
  const committees = result.data?.committees ?? [];
  const calendar = useCalendar(committees);
  const [view, setView] = useState<'month' | 'list'>('month');
  const chaired = committees.filter((committee) => committee.chair.id === session?.organizationId);
  const clashing = calendar.entries.filter((entry) => entry.clashes.length > 0 && entry.session.status !== 'CANCELLED');
  return (
    <>
      <h1>{t('title')}</h1>
      <ErrorMessage message={describeError(result.error)} />
      {hasRole('LIAISON_OFFICER') && chaired.length > 0 && <ScheduleSession committees={chaired} all={committees} />}
      <section aria-labelledby="calendar-heading">
        <div className="calendar-header">
          <h2 id="calendar-heading">{t('calendar')}</h2>
          <fieldset className="view-switch">
            <legend>{t('view')}</legend>
            {(['month', 'list'] as const).map((option) => (
              <label key={option} className="checkbox">
                <input type="radio" name="calendar-view" value={option} checked={view === option} onChange={() => setView(option)} />
                {t(option)}
              </label>
            ))}
          </fieldset>
        </div>
        {clashing.length > 0 && (
          <p className="alert warning" role="status">
            <span aria-hidden="true">⚠ </span>
            {t('clashesSummary', { count: clashing.length })}
          </p>
        )}
        {view === 'month' ? (
          <MonthGrid calendar={calendar} />
        ) : calendar.entries.length === 0 ? (
          <p className="muted">{t('noSessions')}</p>
        ) : (
          <SessionTable entries={calendar.entries} committeesById={calendar.committeesById} />
        )}
      </section>
      <section aria-labelledby="committees-heading">
        <h2 id="committees-heading">{t('committees')}</h2>
        {result.data && committees.length === 0 && <p className="muted">{t('noCommittees')}</p>}
        <ul className="committee-list">
          {committees.map((committee) => (
            <li key={committee.id}>
              <a href={href('committees', committee.id)}>{committee.name}</a>{' '}
              <span className="muted">
                {t('chair')}: {orgLabel(committee.chair)} · {t('members')}: {committee.members.map((member) => member.acronym ?? member.name).join(', ')}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
};

const SessionActions = ({ committee, session }: { committee: Committee; session: Session }) => {
  const { t } = useTranslation('committees');
  const attendance = useCommand(RecordAttendanceDocument);
  const decision = useCommand(RecordDecisionDocument);
  const conclude = useCommand(ConcludeSessionDocument);
  const cancel = useCommand(CancelSessionDocument);
  const [attendees, setAttendees] = useState(() => new Set(session.attendees.map((attendee) => attendee.id)));
  const [text, setText] = useState('');
  const emptyItem = { description: '', responsibleId: '', dueDate: '', sector: '', adminCode: committee.location?.pcode ?? '' };
  const [item, setItem] = useState(emptyItem);
  const [reason, setReason] = useState('');
  const base = { committeeId: committee.id, sessionId: session.id, expectedVersion: committee.version };
  const started = Date.parse(session.startsAt) <= Date.now();
  const toggle = (member: Organization, checked: boolean) => {
    const next = new Set(attendees);
    if (checked) next.add(member.id);
    else next.delete(member.id);
    setAttendees(next);
  };
  return (
    <div className="session-actions">
      {started ? (
        <>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void attendance.run({ ...base, organizationIds: [...attendees] });
            }}
          >
            <fieldset>
              <legend>{t('session.recordAttendance')}</legend>
              {committee.members.map((member) => (
                <label key={member.id} className="checkbox">
                  <input type="checkbox" checked={attendees.has(member.id)} onChange={(event) => toggle(member, event.target.checked)} />
                  {t('session.attended', { organization: orgLabel(member) })}
                </label>
              ))}
              <button type="submit" className="secondary" disabled={attendance.busy}>
                {t('session.saveAttendance')}
              </button>
            </fieldset>
            <ErrorMessage message={attendance.error} />
          </form>
          <form
            onSubmit={async (event) => {
              event.preventDefault();
              const actionItem = item.description.trim()
                ? { description: item.description, responsibleId: item.responsibleId, dueDate: item.dueDate, sector: (item.sector || null) as Sector | null, adminCode: item.adminCode.trim() || null }
                : null;
              if (await decision.run({ ...base, text, actionItem })) {
                setText('');
                setItem(emptyItem);
              }
            }}
          >
            <div className="form-row">
              <label className="wide">
                {t('session.decision')}
                <input required value={text} onChange={(event) => setText(event.target.value)} />
              </label>
              <button type="submit" className="secondary" disabled={decision.busy}>
                {t('session.recordDecision')}
              </button>
            </div>
            {/* DOMAIN.md: a decision's action item becomes an action of the committee's plan. */}
            <details>
              <summary>{t('session.withActionItem')}</summary>
              <div className="form-row">
                <label className="wide">
                  {t('session.itemDescription')}
                  <input value={item.description} onChange={(event) => setItem({ ...item, description: event.target.value })} />
                </label>
                <label>
                  {t('session.itemResponsible')}
                  <select required={!!item.description.trim()} value={item.responsibleId} onChange={(event) => setItem({ ...item, responsibleId: event.target.value })}>
                    <option value="">{t('schedule.choose')}</option>
                    {committee.members.map((member) => (
                      <option key={member.id} value={member.id}>
                        {orgLabel(member)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('session.itemDue')}
                  <input type="date" required={!!item.description.trim()} value={item.dueDate} onChange={(event) => setItem({ ...item, dueDate: event.target.value })} />
                </label>
                <label>
                  {t('session.itemSector')}
                  <select value={item.sector} onChange={(event) => setItem({ ...item, sector: event.target.value })}>
                    <option value="">—</option>
                    {SECTORS.map((sector) => (
                      <option key={sector} value={sector}>
                        {sectorLabel(sector)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('session.itemPlace')}
                  <input value={item.adminCode} onChange={(event) => setItem({ ...item, adminCode: event.target.value })} />
                </label>
              </div>
            </details>
          </form>
          <ErrorMessage message={decision.error} />
          <button type="button" disabled={conclude.busy} onClick={() => void conclude.run(base)}>
            {t('session.conclude')}
          </button>
          <ErrorMessage message={conclude.error} />
        </>
      ) : (
        <form
          className="form-row"
          onSubmit={(event) => {
            event.preventDefault();
            void cancel.run({ ...base, reason });
          }}
        >
          <label className="wide">
            {t('session.cancelReason')}
            <input required value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
          <button type="submit" className="danger" disabled={cancel.busy}>
            {t('session.cancel')}
          </button>
          <ErrorMessage message={cancel.error} />
        </form>
      )}
    </div>
  );
};

const CommitteePage = ({ id }: { id: string }) => {
  const { t } = useTranslation('committees');
  const { session: user, hasRole } = useSession();
  const [result] = useQuery({ query: CommitteesDocument });
  const committees = result.data?.committees ?? [];
  const calendar = useCalendar(committees);
  if (result.error) return <ErrorMessage message={describeError(result.error)} />;
  if (!result.data) return <p role="status">{t('translation:app.loading')}</p>;
  const committee = calendar.committeesById.get(id);
  if (!committee)
    return (
      <>
        <h1>{t('title')}</h1>
        <p>{t('notFound')}</p>
        <a href={href('committees')}>{t('back')}</a>
      </>
    );
  const isChair = committee.chair.id === user?.organizationId && hasRole('LIAISON_OFFICER');
  const entries = calendar.entries.filter((entry) => entry.committee.id === id);
  return (
    <article>
      <p>
        <a href={href('committees')}>← {t('back')}</a>
      </p>
      <h1>{committee.name}</h1>
      <dl className="plan-facts">
        <div>
          <dt>{t('chair')}</dt>
          <dd>{orgLabel(committee.chair)}</dd>
        </div>
        <div>
          <dt>{t('members')}</dt>
          <dd>{committee.members.map(orgLabel).join(' · ')}</dd>
        </div>
      </dl>
      {isChair && <ScheduleSession committees={[committee]} all={committees} />}
      <h2>{t('session.heading')}</h2>
      {entries.length === 0 && <p className="muted">{t('noSessions')}</p>}
      {entries.map((entry) => (
        <section key={entry.session.id} className={`card session-card${entry.clashes.length ? ' clashing' : ''}`} aria-labelledby={`session-${entry.session.id}`}>
          <h3 id={`session-${entry.session.id}`}>
            {span(entry.session)} · {entry.session.venue} · {t(`status.${entry.session.status}`)}
            {entry.clashes.length > 0 && (
              <>
                {' '}
                <span className="badge clash-badge">⚠ {t('clash')}</span>
              </>
            )}
          </h3>
          <ClashNote entry={entry} committeesById={calendar.committeesById} />
          {entry.session.cancellationReason && <p>{t('session.cancelled', { reason: entry.session.cancellationReason })}</p>}
          {entry.session.agenda.length > 0 && (
            <ol className="agenda" aria-label={t('columns.agenda')}>
              {entry.session.agenda.map((item, index) => (
                <li key={index}>{item}</li>
              ))}
            </ol>
          )}
          <h4>{t('session.attendance')}</h4>
          <p>{entry.session.attendees.length ? entry.session.attendees.map(orgLabel).join(' · ') : <span className="muted">{t('session.noAttendance')}</span>}</p>
          <h4>{t('session.decisions')}</h4>
          {entry.session.decisions.length === 0 ? (
            <p className="muted">{t('session.noDecisions')}</p>
          ) : (
            <ol>
              {entry.session.decisions.map((decision) => (
                <li key={decision.id}>
                  {decision.text}
                  {decision.actionItem && (
                    <div className="muted">
                      {t('session.actionItem', {
                        description: decision.actionItem.description,
                        responsible: orgLabel(decision.actionItem.responsible),
                        due: formatDate(decision.actionItem.dueDate),
                      })}
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )}
          {isChair && entry.session.status === 'SCHEDULED' && <SessionActions committee={committee} session={entry.session} />}
        </section>
      ))}
    </article>
  );
};

const CommitteesPage = ({ route }: PageProps) => {
  const id = route.segments[1];
  return id ? <CommitteePage id={id} /> : <CalendarPage />;
};

export default CommitteesPage;
