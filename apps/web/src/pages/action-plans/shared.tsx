import { useCallback, useState } from 'react';
import { AnyVariables, CombinedError, DocumentInput, useMutation } from 'urql';
import i18n from '../../i18n';
import { describeError } from '../../ui/errors';
import './shared.css';

/*
 * What the action-plan, committee and meeting pages share: the vocabulary of the schema's enums in
 * both languages, and one way to run a command and show the server's refusal.
 */

const vocabulary = {
  en: {
    sector: {
      FOOD_SECURITY: 'Food security', HEALTH: 'Health', WASH: 'Water, sanitation and hygiene', SHELTER: 'Shelter', EDUCATION: 'Education',
      PROTECTION: 'Protection', NUTRITION: 'Nutrition', LOGISTICS: 'Logistics', LIVELIHOODS: 'Livelihoods', SECURITY: 'Security', GOVERNANCE: 'Governance',
    },
    severity: { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High', CRITICAL: 'Critical' },
    reason: {
      MEMBER_DOUBLE_BOOKED: 'A member organisation already sits in an overlapping session of another committee.',
      SESSION_OVERLAP: 'The committee already meets at that time.',
    },
    required: 'This field is required.',
    saved: 'Saved.',
  },
  fr: {
    sector: {
      FOOD_SECURITY: 'Sécurité alimentaire', HEALTH: 'Santé', WASH: 'Eau, hygiène et assainissement', SHELTER: 'Abris', EDUCATION: 'Éducation',
      PROTECTION: 'Protection', NUTRITION: 'Nutrition', LOGISTICS: 'Logistique', LIVELIHOODS: 'Moyens de subsistance', SECURITY: 'Sécurité', GOVERNANCE: 'Gouvernance',
    },
    severity: { LOW: 'Faible', MEDIUM: 'Moyenne', HIGH: 'Élevée', CRITICAL: 'Critique' },
    reason: {
      MEMBER_DOUBLE_BOOKED: 'Une organisation membre siège déjà à une session d’un autre comité qui se chevauche.',
      SESSION_OVERLAP: 'Le comité se réunit déjà à cette heure-là.',
    },
    required: 'Ce champ est obligatoire.',
    saved: 'Enregistré.',
  },
};
for (const language of ['en', 'fr'] as const) i18n.addResourceBundle(language, 'vocabulary', vocabulary[language], true, true);

export const SECTORS = Object.keys(vocabulary.en.sector) as (keyof typeof vocabulary.en.sector)[];
export const SEVERITIES = Object.keys(vocabulary.en.severity) as (keyof typeof vocabulary.en.severity)[];

export const sectorLabel = (sector: string | null | undefined) => (sector ? i18n.t(`sector.${sector}`, { ns: 'vocabulary' }) : '—');
export const severityLabel = (severity: string) => i18n.t(`severity.${severity}`, { ns: 'vocabulary' });
export const requiredMessage = () => i18n.t('required', { ns: 'vocabulary' });

export const orgLabel = (organization: { name: string; acronym: string | null } | null | undefined) =>
  organization ? (organization.acronym ? `${organization.acronym} — ${organization.name}` : organization.name) : '—';

/** A fresh command id, so a retried click is answered with the first result (CONTRACT.md idempotency). */
export const newCommandId = (): string => {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID exists only in secure contexts; a plain-http deployment on a LAN address still works.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** The server's refusal as a sentence; the named rules (overlapping sessions…) get their own. */
export const describeRefusal = (error: CombinedError | null | undefined): string | null => {
  if (!error) return null;
  const reason = String(error.graphQLErrors[0]?.extensions?.reason ?? '');
  // The server's own words name sessions and organisations by id; the page shows them by name.
  if (reason === 'MEMBER_DOUBLE_BOOKED' || reason === 'SESSION_OVERLAP') return i18n.t(`reason.${reason}`, { ns: 'vocabulary' });
  return describeError(error);
};

export interface Command<Input> {
  /** Runs the command with a fresh command id; resolves to the payload's id, or null when refused. */
  run(input: Input): Promise<string | null>;
  readonly busy: boolean;
  readonly error: string | null;
  /** The refusal's reason code (extensions.reason), e.g. MEMBER_DOUBLE_BOOKED. */
  readonly reason: string | null;
  readonly done: boolean;
  reset(): void;
}

export const useCommand = <Data, Input extends object>(
  document: DocumentInput<Data, { input: Input } & AnyVariables>,
): Command<Omit<Input, 'commandId'>> => {
  const [state, execute] = useMutation(document);
  const [error, setError] = useState<CombinedError | null>(null);
  const [done, setDone] = useState(false);
  const run = useCallback(
    async (input: Omit<Input, 'commandId'>) => {
      setDone(false);
      const result = await execute({ input: { ...input, commandId: newCommandId() } } as unknown as { input: Input });
      setError(result.error ?? null);
      setDone(!result.error);
      if (result.error || !result.data) return null;
      const payload = Object.values(result.data as Record<string, { id?: string } | null>)[0];
      return payload?.id ?? null;
    },
    [execute],
  );
  const reset = useCallback(() => {
    setError(null);
    setDone(false);
  }, []);
  return {
    run,
    busy: state.fetching,
    error: describeRefusal(error),
    reason: error ? String(error.graphQLErrors[0]?.extensions?.reason ?? '') || null : null,
    done,
    reset,
  };
};

export const ErrorMessage = ({ message }: { message: string | null }) =>
  message ? (
    <p className="alert error" role="alert">
      {message}
    </p>
  ) : null;
