import { FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { href, navigate } from '../../app/router';
import { useSession } from '../../auth/session';
import { DeliveryOrganizationsDocument, PlanDeliveryDocument, type Sector } from '../../generated/graphql';
import { describeError } from '../../ui/errors';
import { NAMESPACE } from './messages';
import { ItemDraft, ItemsEditor, newCommandId, organizationLabel, SECTORS, toItemInputs } from './shared';

export const PlanDeliveryForm = () => {
  const { t } = useTranslation(NAMESPACE);
  const { session, hasRole } = useSession();
  const [organizations] = useQuery({ query: DeliveryOrganizationsDocument });
  const [state, plan] = useMutation(PlanDeliveryDocument);
  const [sector, setSector] = useState<Sector>('FOOD_SECURITY');
  const [adminCode, setAdminCode] = useState('');
  const [plannedDate, setPlannedDate] = useState('');
  const [targeted, setTargeted] = useState('');
  const [partner, setPartner] = useState('');
  const [items, setItems] = useState<ItemDraft[]>([{ commodity: '', quantity: '', unit: '' }]);
  // One id per filled-in form: submitting it again after a lost answer records nothing twice.
  const [commandId, setCommandId] = useState(newCommandId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await plan({
      input: {
        commandId,
        sector,
        adminCode: adminCode.trim().toUpperCase(),
        plannedDate,
        targetedBeneficiaries: Number(targeted),
        items: toItemInputs(items),
        ...(partner ? { implementingPartnerId: partner } : {}),
      },
    });
    if (result.data) navigate('deliveries', result.data.planDelivery.id);
    else setCommandId(newCommandId());
  };

  return (
    <>
      <p>
        <a href={href('deliveries')}>← {t('backToList')}</a>
      </p>
      <h1>{t('planTitle')}</h1>
      {!hasRole('AGENCY_OFFICER') && <p className="alert warning">{t('errors.FORBIDDEN', { ns: 'translation' })}</p>}
      <form className="card" onSubmit={(event) => void submit(event)}>
        <div className="form-row">
          <label htmlFor="plan-sector">
            {t('sector')}
            <select id="plan-sector" value={sector} onChange={(e) => setSector(e.target.value as Sector)}>
              {SECTORS.map((value) => (
                <option key={value} value={value}>
                  {t(`sector.${value}`)}
                </option>
              ))}
            </select>
          </label>
          <label htmlFor="plan-area">
            {t('adminCode')}
            <input id="plan-area" required value={adminCode} onChange={(e) => setAdminCode(e.target.value)} aria-describedby="plan-area-hint" size={10} />
            <span id="plan-area-hint" className="muted">
              {t('adminCodeHint')}
            </span>
          </label>
          <label htmlFor="plan-date">
            {t('plannedDate')}
            <input id="plan-date" type="date" required value={plannedDate} onChange={(e) => setPlannedDate(e.target.value)} />
          </label>
          <label htmlFor="plan-targeted">
            {t('targetedBeneficiaries')}
            <input id="plan-targeted" type="number" step="1" inputMode="numeric" required value={targeted} onChange={(e) => setTargeted(e.target.value)} />
          </label>
          <label htmlFor="plan-partner">
            {t('implementingPartner')}
            <select id="plan-partner" value={partner} onChange={(e) => setPartner(e.target.value)}>
              <option value="">{t('selfPartner')}</option>
              {(organizations.data?.organizations ?? [])
                .filter((organization) => organization.id !== session?.organizationId)
                .map((organization) => (
                  <option key={organization.id} value={organization.id}>
                    {organizationLabel(organization)}
                  </option>
                ))}
            </select>
          </label>
        </div>
        <ItemsEditor legend={t('plannedItems')} items={items} onChange={setItems} idPrefix="plan-item" />
        {state.error && (
          <p className="alert error" role="alert">
            {describeError(state.error)}
          </p>
        )}
        <div className="form-row">
          <button type="submit" disabled={state.fetching}>
            {t('plan')}
          </button>
        </div>
      </form>
    </>
  );
};
