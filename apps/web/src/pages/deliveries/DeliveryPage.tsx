import { FormEvent, ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CombinedError, useMutation, useQuery, useSubscription } from 'urql';
import { href } from '../../app/router';
import { useSession, type Session } from '../../auth/session';
import {
  CancelDeliveryDocument,
  ConfirmDeliveryDocument,
  CorrectDeliveryDocument,
  DeliveryChangedDocument,
  DeliveryDocument,
  DeliveryOrganizationsDocument,
  DispatchDeliveryDocument,
  RecordDeliveryDocument,
  ReportDeliveryFailedDocument,
  type DeliveryQuery,
  type FailureReason,
} from '../../generated/graphql';
import { describeError } from '../../ui/errors';
import { formatDate, formatDateTime, formatNumber } from '../../ui/format';
import { NAMESPACE } from './messages';
import {
  FAILURE_REASONS,
  ItemDraft,
  ItemsEditor,
  newCommandId,
  organizationLabel,
  PeopleDraft,
  PeopleFields,
  StatusBadge,
  toItemInputs,
  toPeopleInput,
} from './shared';

type Delivery = NonNullable<DeliveryQuery['aidDelivery']>;
type HistoryEntry = DeliveryQuery['history'][number];
export type DeliveryAction = 'dispatch' | 'record' | 'confirm' | 'fail' | 'cancel' | 'correct';

/**
 * The steps this user may take now, mirroring libs/aid-deliveries/domain (its decide functions):
 * the delivering agency's officers move it along its lifecycle; another organisation's community
 * focal point, government counterpart or liaison officer confirms it. The server stays the judge;
 * this only spares people buttons that can only be refused.
 */
export const legalActions = (delivery: Delivery, session: Session): DeliveryAction[] => {
  const actions: DeliveryAction[] = [];
  const owner = session.organizationId === delivery.agency.id && session.roles.includes('AGENCY_OFFICER');
  const status = delivery.status;
  if (owner) {
    if (status === 'PLANNED') actions.push('dispatch');
    if (status === 'DISPATCHED') actions.push('record');
    if (status === 'PLANNED' || status === 'DISPATCHED') actions.push('fail', 'cancel');
    if (status !== 'CANCELLED') actions.push('correct');
  }
  const delivering = session.organizationId === delivery.agency.id || session.organizationId === delivery.implementingPartner?.id;
  const mayConfirm = session.roles.some((role) => role === 'COMMUNITY_FOCAL_POINT' || role === 'GOVERNMENT_COUNTERPART' || role === 'LIAISON_OFFICER');
  if (!delivering && mayConfirm && status === 'DELIVERED') actions.push('confirm');
  return actions;
};

const itemsDraft = (items: readonly { commodity: string; quantity: number; unit: string }[] | null | undefined): ItemDraft[] =>
  (items ?? []).map((item) => ({ commodity: item.commodity, quantity: String(item.quantity), unit: item.unit }));

const itemsText = (items: readonly { commodity: string; quantity: number; unit: string }[] | null | undefined) =>
  items && items.length > 0 ? items.map((item) => `${item.commodity} ${formatNumber(item.quantity, 3)} ${item.unit}`).join(', ') : '—';

const ItemsTable = ({ items, caption }: { items: Delivery['items']; caption: string }) => {
  const { t } = useTranslation(NAMESPACE);
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('commodity')}</th>
          <th scope="col" className="number">
            {t('quantity')}
          </th>
          <th scope="col">{t('unit')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => (
          <tr key={index}>
            <td>{item.commodity}</td>
            <td className="number">{formatNumber(item.quantity, 3)}</td>
            <td>{item.unit}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

/** One history entry's data in words: what it set, or for a correction what it changed from what. */
type OrganizationNames = ReadonlyMap<string, string>;

/** Fields of the events that hold an organisation's id: shown by name when the organisation is known. */
const ORGANIZATION_FIELDS = new Set(['implementingPartnerId', 'agencyId', 'confirmedBy']);

const HistoryData = ({ entry, organizations }: { entry: HistoryEntry; organizations: OrganizationNames }) => {
  const { t } = useTranslation(NAMESPACE);
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(entry.data) as Record<string, unknown>;
  } catch {
    return null;
  }
  const describe = (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '—';
    if (value === true) return t('yes');
    if (value === false) return t('no');
    if (field === 'items' || field === 'deliveredItems') return itemsText(value as Delivery['items']);
    if (field === 'reached' && typeof value === 'object') {
      const people = value as Record<string, number>;
      return (['women', 'men', 'girls', 'boys'] as const).map((group) => `${t(group)} ${formatNumber(people[group])}`).join(', ');
    }
    if (ORGANIZATION_FIELDS.has(field) && typeof value === 'string') return organizations.get(value) ?? value;
    if (field === 'sector') return t(`sector.${String(value)}`);
    if (field === 'reason' && FAILURE_REASONS.includes(value as FailureReason)) return t(`reason.${String(value)}`);
    if (field === 'plannedDate') return formatDate(String(value));
    if (typeof value === 'number') return formatNumber(value, 3);
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
  const label = (field: string) => t(`field.${field}`, { defaultValue: field });
  const rows: [string, string][] = [];
  if (entry.type === 'DeliveryCorrected') {
    if (data.reason) rows.push([label('reason'), String(data.reason)]);
    const changes = (data.changes ?? {}) as Record<string, unknown>;
    const previous = (data.previous ?? {}) as Record<string, unknown>;
    for (const field of Object.keys(changes)) {
      rows.push([label(field), t('changedFrom', { from: describe(field, previous[field]), to: describe(field, changes[field]) })]);
    }
    if (data.confirmationWithdrawn) rows.push([label('confirmationWithdrawn'), t('yes')]);
  } else {
    for (const [field, value] of Object.entries(data)) {
      // The delivery's own id and the event's timestamps are shown elsewhere in the entry.
      if (field === 'deliveryId' || field.endsWith('At') || field === 'agencyId') continue;
      rows.push([label(field), describe(field, value)]);
    }
  }
  if (rows.length === 0) return null;
  return (
    <dl>
      {rows.map(([name, value]) => (
        <div key={name} style={{ display: 'contents' }}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
};

const Timeline = ({ history }: { history: DeliveryQuery['history'] }) => {
  const { t } = useTranslation(NAMESPACE);
  const [organizationsResult] = useQuery({ query: DeliveryOrganizationsDocument });
  const organizations: OrganizationNames = new Map((organizationsResult.data?.organizations ?? []).map((organization) => [organization.id, organizationLabel(organization)]));
  if (history.length === 0) return <p>{t('historyEmpty')}</p>;
  return (
    <ol className="timeline">
      {history.map((entry) => (
        <li key={entry.position}>
          <h3>{t(`event.${entry.type}`, { defaultValue: entry.type })}</h3>
          <p className="muted">
            <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time> · {t('by', { actor: entry.actor, organization: organizationLabel(entry.organization) })} ·{' '}
            {t('version', { version: entry.version })}
          </p>
          <HistoryData entry={entry} organizations={organizations} />
        </li>
      ))}
    </ol>
  );
};

const ActionForm = ({ title, submitLabel, onSubmit, onClose, busy, children }: { title: string; submitLabel: string; onSubmit: () => void; onClose: () => void; busy: boolean; children: ReactNode }) => {
  const { t } = useTranslation(NAMESPACE);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="delivery-action-title">
      <h3 id="delivery-action-title">{title}</h3>
      {children}
      <div className="form-row">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('cancelForm')}
        </button>
      </div>
    </form>
  );
};

interface Outcome {
  readonly kind: 'ok' | 'error';
  readonly text: string;
}

// Remounted with each new version (fresh forms); the outcome lives in the page so "done" outlives that.
const Actions = ({ delivery, session, outcome, setOutcome }: { delivery: Delivery; session: Session; outcome: Outcome | null; setOutcome: (outcome: Outcome | null) => void }) => {
  const { t } = useTranslation(NAMESPACE);
  const [open, setOpen] = useState<DeliveryAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [, dispatch] = useMutation(DispatchDeliveryDocument);
  const [, record] = useMutation(RecordDeliveryDocument);
  const [, confirm] = useMutation(ConfirmDeliveryDocument);
  const [, fail] = useMutation(ReportDeliveryFailedDocument);
  const [, cancel] = useMutation(CancelDeliveryDocument);
  const [, correct] = useMutation(CorrectDeliveryDocument);

  const [delivered, setDelivered] = useState<ItemDraft[]>(() => itemsDraft(delivery.items));
  const [people, setPeople] = useState<PeopleDraft>({ women: '', men: '', girls: '', boys: '' });
  const [failure, setFailure] = useState<{ reason: FailureReason; note: string }>({ reason: 'ACCESS_DENIED', note: '' });
  const [reason, setReason] = useState('');
  const [targeted, setTargeted] = useState(String(delivery.targetedBeneficiaries));
  const [correctedPeople, setCorrectedPeople] = useState<PeopleDraft | null>(null);
  const [destination, setDestination] = useState(delivery.destination.pcode);
  const [correctedDelivered, setCorrectedDelivered] = useState<ItemDraft[] | null>(null);

  const actions = legalActions(delivery, session);
  const base = { deliveryId: delivery.id, expectedVersion: delivery.version };

  const run = async (action: DeliveryAction, execute: () => Promise<{ error?: CombinedError }>) => {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await execute();
      if (result.error) {
        setOutcome({ kind: 'error', text: describeError(result.error) ?? '' });
      } else {
        setOutcome({ kind: 'ok', text: t('done', { action: t(`action.${action}`) }) });
        setOpen(null);
        setReason('');
      }
    } finally {
      setBusy(false);
    }
  };

  const openForm = (action: DeliveryAction) => {
    setOutcome(null);
    setOpen(action);
    if (action === 'correct') {
      setTargeted(String(delivery.targetedBeneficiaries));
      setDestination(delivery.destination.pcode);
      setCorrectedDelivered(delivery.deliveredItems ? itemsDraft(delivery.deliveredItems) : null);
      const reached = delivery.reached;
      setCorrectedPeople(
        reached && !reached.breakdownRedacted && (delivery.status === 'DELIVERED' || delivery.status === 'CONFIRMED')
          ? { women: String(reached.women), men: String(reached.men), girls: String(reached.girls), boys: String(reached.boys) }
          : null,
      );
    }
  };

  const correctionInput = () => {
    const input: Record<string, unknown> = { ...base, commandId: newCommandId(), reason };
    // Only what differs from the record is sent: the server refuses a "correction" that changes nothing.
    if (Number(targeted) !== delivery.targetedBeneficiaries) input.targetedBeneficiaries = Number(targeted);
    if (destination.trim().toUpperCase() !== delivery.destination.pcode) input.adminCode = destination.trim().toUpperCase();
    if (correctedDelivered && JSON.stringify(toItemInputs(correctedDelivered)) !== JSON.stringify(toItemInputs(itemsDraft(delivery.deliveredItems)))) {
      input.deliveredItems = toItemInputs(correctedDelivered);
    }
    const current = delivery.reached;
    if (correctedPeople && current) {
      const next = toPeopleInput(correctedPeople);
      const changed = next.women !== current.women || next.men !== current.men || next.girls !== current.girls || next.boys !== current.boys;
      if (changed) input.reached = next;
    }
    return input as Parameters<typeof correct>[0]['input'];
  };

  return (
    <section className="card delivery-actions" aria-labelledby="delivery-actions-title">
      <h2 id="delivery-actions-title">{t('actions')}</h2>
      {actions.length === 0 && <p>{t('noActions')}</p>}
      <div className="buttons">
        {actions.map((action) =>
          action === 'dispatch' ? (
            <button key={action} type="button" disabled={busy} onClick={() => void run('dispatch', () => dispatch({ input: { ...base, commandId: newCommandId() } }))}>
              {t('action.dispatch')}
            </button>
          ) : action === 'confirm' ? (
            <button key={action} type="button" disabled={busy} onClick={() => void run('confirm', () => confirm({ input: { ...base, commandId: newCommandId() } }))}>
              {t('action.confirm')}
            </button>
          ) : (
            <button
              key={action}
              type="button"
              className={action === 'cancel' || action === 'fail' ? 'secondary' : undefined}
              aria-expanded={open === action}
              onClick={() => openForm(action)}
            >
              {t(`action.${action}`)}
            </button>
          ),
        )}
      </div>
      {outcome && (
        <p className={`alert ${outcome.kind}`} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </p>
      )}
      {open === 'record' && (
        <ActionForm
          title={t('action.record')}
          submitLabel={t('submit.record')}
          busy={busy}
          onClose={() => setOpen(null)}
          onSubmit={() =>
            void run('record', () =>
              record({ input: { ...base, commandId: newCommandId(), deliveredItems: toItemInputs(delivered), reached: toPeopleInput(people) } }),
            )
          }
        >
          <ItemsEditor legend={t('deliveredItems')} items={delivered} onChange={setDelivered} idPrefix="record-item" />
          <PeopleFields legend={t('peopleReached')} people={people} onChange={setPeople} idPrefix="record-people" />
        </ActionForm>
      )}
      {open === 'fail' && (
        <ActionForm
          title={t('action.fail')}
          submitLabel={t('submit.fail')}
          busy={busy}
          onClose={() => setOpen(null)}
          onSubmit={() => void run('fail', () => fail({ input: { ...base, commandId: newCommandId(), reason: failure.reason, note: failure.note.trim() || null } }))}
        >
          <div className="form-row">
            <label htmlFor="fail-reason">
              {t('failureReason')}
              <select id="fail-reason" value={failure.reason} onChange={(e) => setFailure({ ...failure, reason: e.target.value as FailureReason })}>
                {FAILURE_REASONS.map((value) => (
                  <option key={value} value={value}>
                    {t(`reason.${value}`)}
                  </option>
                ))}
              </select>
            </label>
            <label htmlFor="fail-note">
              {t('note')}
              <textarea id="fail-note" rows={2} cols={40} value={failure.note} onChange={(e) => setFailure({ ...failure, note: e.target.value })} />
            </label>
          </div>
        </ActionForm>
      )}
      {open === 'cancel' && (
        <ActionForm
          title={t('action.cancel')}
          submitLabel={t('submit.cancel')}
          busy={busy}
          onClose={() => setOpen(null)}
          onSubmit={() => void run('cancel', () => cancel({ input: { ...base, commandId: newCommandId(), reason } }))}
        >
          <div className="form-row">
            <label htmlFor="cancel-reason">
              {t('reasonText')}
              <textarea id="cancel-reason" required rows={2} cols={40} value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
          </div>
        </ActionForm>
      )}
      {open === 'correct' && (
        <ActionForm title={t('action.correct')} submitLabel={t('submit.correct')} busy={busy} onClose={() => setOpen(null)} onSubmit={() => void run('correct', () => correct({ input: correctionInput() }))}>
          <p className="muted">{t('correctHint')}</p>
          <div className="form-row">
            <label htmlFor="correct-reason">
              {t('reasonText')}
              <textarea id="correct-reason" required rows={2} cols={40} value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            <label htmlFor="correct-targeted">
              {t('targetedBeneficiaries')}
              <input id="correct-targeted" type="number" step="1" required value={targeted} onChange={(e) => setTargeted(e.target.value)} />
            </label>
          </div>
          <div className="form-row">
            <label htmlFor="correct-destination">
              {t('adminCode')}
              <input id="correct-destination" required size={10} value={destination} onChange={(e) => setDestination(e.target.value)} />
            </label>
          </div>
          {correctedDelivered && <ItemsEditor legend={t('deliveredItems')} items={correctedDelivered} onChange={setCorrectedDelivered} idPrefix="correct-item" />}
          {correctedPeople && <PeopleFields legend={t('peopleReached')} people={correctedPeople} onChange={setCorrectedPeople} idPrefix="correct-people" />}
        </ActionForm>
      )}
    </section>
  );
};

export const DeliveryPage = ({ id }: { id: string }) => {
  const { t } = useTranslation(NAMESPACE);
  const { session } = useSession();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [{ data, fetching, error }, reexecute] = useQuery({ query: DeliveryDocument, variables: { id } });
  // Another organisation's step (a confirmation) shows here as it happens, with its history entry.
  useSubscription({ query: DeliveryChangedDocument }, (_previous, event) => {
    if (event.deliveryChanged.id === id) reexecute({ requestPolicy: 'network-only' });
    return event;
  });
  const delivery = data?.aidDelivery;
  return (
    <>
      <p>
        <a href={href('deliveries')}>← {t('backToList')}</a>
      </p>
      {error && (
        <p className="alert error" role="alert">
          {describeError(error)}
        </p>
      )}
      {!delivery && fetching && <p role="status">{t('app.loading', { ns: 'translation' })}</p>}
      {!delivery && !fetching && !error && (
        <>
          <h1>{t('title')}</h1>
          <p className="alert warning">{t('notFound')}</p>
        </>
      )}
      {delivery && session && (
        <>
          <h1>
            {t(`sector.${delivery.sector}`)} — {delivery.destination.name}, {formatDate(delivery.plannedDate)}
          </h1>
          <p>
            <StatusBadge status={delivery.status} />
          </p>
          <div className="delivery-layout">
            <div>
              <section className="card" aria-labelledby="delivery-details-title">
                <h2 id="delivery-details-title">{t('details')}</h2>
                <dl className="delivery-facts">
                  <dt>{t('status')}</dt>
                  <dd>{t(`status.${delivery.status}`)}</dd>
                  <dt>{t('agency')}</dt>
                  <dd>{organizationLabel(delivery.agency)}</dd>
                  <dt>{t('implementingPartner')}</dt>
                  <dd>{organizationLabel(delivery.implementingPartner)}</dd>
                  <dt>{t('sector')}</dt>
                  <dd>{t(`sector.${delivery.sector}`)}</dd>
                  <dt>{t('destination')}</dt>
                  <dd>
                    {delivery.destination.name} ({delivery.destination.pcode}){delivery.destination.parent ? `, ${delivery.destination.parent.name}` : ''}
                  </dd>
                  <dt>{t('plannedDate')}</dt>
                  <dd>{formatDate(delivery.plannedDate)}</dd>
                  <dt>{t('targeted')}</dt>
                  <dd>{formatNumber(delivery.targetedBeneficiaries)}</dd>
                  {delivery.reached && (
                    <>
                      <dt>{t('reached')}</dt>
                      <dd>
                        {delivery.reached.breakdownRedacted
                          ? `${formatNumber(delivery.reached.total)} (${t('redacted')})`
                          : `${formatNumber(delivery.reached.total)}: ${t('women')} ${formatNumber(delivery.reached.women)}, ${t('men')} ${formatNumber(delivery.reached.men)}, ${t('girls')} ${formatNumber(delivery.reached.girls)}, ${t('boys')} ${formatNumber(delivery.reached.boys)}`}
                      </dd>
                    </>
                  )}
                  {delivery.failureReason && (
                    <>
                      <dt>{t('failureReason')}</dt>
                      <dd>{t(`reason.${delivery.failureReason}`)}</dd>
                    </>
                  )}
                  {delivery.confirmedBy && (
                    <>
                      <dt>{t('confirmedBy')}</dt>
                      <dd>{organizationLabel(delivery.confirmedBy)}</dd>
                    </>
                  )}
                </dl>
                <ItemsTable items={delivery.items} caption={t('plannedItems')} />
                {delivery.deliveredItems && <ItemsTable items={delivery.deliveredItems} caption={t('deliveredItems')} />}
              </section>
              <Actions key={`${delivery.id}:${delivery.version}`} delivery={delivery} session={session} outcome={outcome} setOutcome={setOutcome} />
            </div>
            <section className="card" aria-labelledby="delivery-history-title">
              <h2 id="delivery-history-title">{t('history')}</h2>
              <Timeline history={data.history} />
            </section>
          </div>
        </>
      )}
    </>
  );
};
