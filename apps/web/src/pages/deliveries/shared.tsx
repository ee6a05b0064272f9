import { useTranslation } from 'react-i18next';
import type { DeliveryStatus, FailureReason, Sector } from '../../generated/graphql';
import { NAMESPACE } from './messages';

export const STATUSES: readonly DeliveryStatus[] = ['PLANNED', 'DISPATCHED', 'DELIVERED', 'CONFIRMED', 'FAILED', 'CANCELLED'];
export const SECTORS: readonly Sector[] = [
  'FOOD_SECURITY', 'HEALTH', 'WASH', 'SHELTER', 'EDUCATION', 'PROTECTION', 'NUTRITION', 'LOGISTICS', 'LIVELIHOODS', 'SECURITY', 'GOVERNANCE',
];
export const FAILURE_REASONS: readonly FailureReason[] = ['ACCESS_DENIED', 'INSECURITY', 'LOGISTICS', 'OTHER'];
export const PAGE_SIZE = 20;

/** The status in words, with a shape per status: colour is never the only signal. */
const STATUS_MARK: Record<DeliveryStatus, string> = {
  PLANNED: '○',
  DISPATCHED: '➜',
  DELIVERED: '●',
  CONFIRMED: '✔',
  FAILED: '✖',
  CANCELLED: '–',
};

export const StatusBadge = ({ status }: { status: DeliveryStatus }) => {
  const { t } = useTranslation(NAMESPACE);
  return (
    <span className={`badge delivery-status status-${status.toLowerCase()}`}>
      <span aria-hidden="true">{STATUS_MARK[status]} </span>
      {t(`status.${status}`)}
    </span>
  );
};

export const organizationLabel = (organization: { name: string; acronym?: string | null } | null | undefined) =>
  organization ? (organization.acronym ? `${organization.acronym} — ${organization.name}` : organization.name) : '—';

/** A client-chosen command id: a retried submission (double click, network hiccup) records nothing twice. */
export const newCommandId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

export interface ItemDraft {
  commodity: string;
  quantity: string;
  unit: string;
}

export const toItemInputs = (items: readonly ItemDraft[]) =>
  items.map((item) => ({ commodity: item.commodity.trim(), quantity: Number(item.quantity), unit: item.unit.trim() }));

/** Rows of commodity, quantity and unit; every input has its own label naming its row. */
export const ItemsEditor = ({ legend, items, onChange, idPrefix }: { legend: string; items: ItemDraft[]; onChange: (items: ItemDraft[]) => void; idPrefix: string }) => {
  const { t } = useTranslation(NAMESPACE);
  const set = (index: number, patch: Partial<ItemDraft>) => onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <fieldset className="items-editor">
      <legend>{legend}</legend>
      {items.map((item, index) => (
        <div className="form-row" key={index} role="group" aria-label={t('item', { number: index + 1 })}>
          <label htmlFor={`${idPrefix}-commodity-${index}`}>
            {t('commodity')}
            <input id={`${idPrefix}-commodity-${index}`} required value={item.commodity} onChange={(e) => set(index, { commodity: e.target.value })} />
          </label>
          <label htmlFor={`${idPrefix}-quantity-${index}`}>
            {t('quantity')}
            <input id={`${idPrefix}-quantity-${index}`} required type="number" inputMode="decimal" step="any" value={item.quantity} onChange={(e) => set(index, { quantity: e.target.value })} />
          </label>
          <label htmlFor={`${idPrefix}-unit-${index}`}>
            {t('unit')}
            <input id={`${idPrefix}-unit-${index}`} required value={item.unit} onChange={(e) => set(index, { unit: e.target.value })} />
          </label>
          {items.length > 1 && (
            <button type="button" className="secondary" onClick={() => onChange(items.filter((_, i) => i !== index))}>
              {t('removeItem', { number: index + 1 })}
            </button>
          )}
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...items, { commodity: '', quantity: '', unit: '' }])}>
        {t('addItem')}
      </button>
    </fieldset>
  );
};

export interface PeopleDraft {
  women: string;
  men: string;
  girls: string;
  boys: string;
}

export const PEOPLE_GROUPS = ['women', 'men', 'girls', 'boys'] as const;

export const toPeopleInput = (people: PeopleDraft) => ({
  women: Number(people.women),
  men: Number(people.men),
  girls: Number(people.girls),
  boys: Number(people.boys),
});

export const PeopleFields = ({ legend, people, onChange, idPrefix }: { legend: string; people: PeopleDraft; onChange: (people: PeopleDraft) => void; idPrefix: string }) => {
  const { t } = useTranslation(NAMESPACE);
  return (
    <fieldset className="people-fields">
      <legend>{legend}</legend>
      <div className="form-row">
        {PEOPLE_GROUPS.map((group) => (
          <label key={group} htmlFor={`${idPrefix}-${group}`}>
            {t(group)}
            <input
              id={`${idPrefix}-${group}`}
              required
              type="number"
              inputMode="numeric"
              step="1"
              value={people[group]}
              onChange={(e) => onChange({ ...people, [group]: e.target.value })}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
};
