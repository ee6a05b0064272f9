import { useState } from 'react';
import { useSubscription } from 'urql';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';
import { EarlyWarningDocument, type EarlyWarningSubscription } from '../generated/graphql';
import { sectorLabel } from '../pages/action-plans/shared';
import { formatDateTime } from '../ui/format';
import { href } from './router';
import './EarlyWarningBanner.css';

const messages = {
  en: {
    region: 'Early warnings',
    title: 'Early warning: critical concern',
    body: '{{sector}} in {{area}}, raised {{time}}.',
    open: 'Open the meeting',
    dismiss: 'Dismiss',
    dismissLabel: 'Dismiss the early warning about {{sector}} in {{area}}',
  },
  fr: {
    region: 'Alertes précoces',
    title: 'Alerte précoce : préoccupation critique',
    body: '{{sector}} à {{area}}, signalée le {{time}}.',
    open: 'Ouvrir la réunion',
    dismiss: 'Fermer',
    dismissLabel: 'Fermer l’alerte précoce sur {{sector}} à {{area}}',
  },
};
for (const language of ['en', 'fr'] as const) i18n.addResourceBundle(language, 'early-warning', messages[language], true, true);

type Warning = EarlyWarningSubscription['earlyWarning'];

// Enough to notice a burst; older ones are a meeting page away.
const KEPT = 5;

/**
 * Every signed-in user hears of a CRITICAL concern as it is recorded (DOMAIN.md: "pushed to
 * subscribers at once"), wherever they are in the dashboard, until they dismiss it.
 */
export const EarlyWarningBanner = () => {
  const { t } = useTranslation('early-warning');
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [{ data: warnings = [] }] = useSubscription<EarlyWarningSubscription, Warning[]>(
    { query: EarlyWarningDocument, variables: {} },
    (previous = [], data) => [data.earlyWarning, ...previous.filter((warning) => warning.id !== data.earlyWarning.id)].slice(0, KEPT),
  );
  const shown = warnings.filter((warning) => !dismissed.has(warning.id));
  if (shown.length === 0) return null;
  return (
    <section className="early-warnings" aria-label={t('region')}>
      {shown.map((warning) => {
        const values = { sector: sectorLabel(warning.sector), area: `${warning.location.name} (${warning.location.pcode})`, time: formatDateTime(warning.raisedAt) };
        return (
          <div key={warning.id} className="early-warning" role="alert">
            <span className="early-warning-icon" aria-hidden="true">
              ⚠
            </span>
            <div className="early-warning-text">
              <strong>{t('title')}</strong> <span>{t('body', values)}</span>{' '}
              <a href={href('meetings', warning.meetingId)}>{t('open')}</a>
            </div>
            <button
              type="button"
              className="secondary"
              aria-label={t('dismissLabel', values)}
              onClick={() => setDismissed(new Set([...dismissed, warning.id]))}
            >
              {t('dismiss')}
            </button>
          </div>
        );
      })}
    </section>
  );
};
