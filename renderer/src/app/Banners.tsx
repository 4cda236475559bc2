/** Dismissible error banners (API errors, translated by code) and short-lived notices. */
import { useEffect } from 'react';
import { translate } from '../i18n/index.js';
import { useAppStore } from '../state/store.js';
import { useT } from './useT.js';

const NOTICE_MS = 8000;

export function Banners() {
  const t = useT();
  const locale = useAppStore((s) => s.locale);
  const errors = useAppStore((s) => s.errors);
  const notices = useAppStore((s) => s.notices);
  const dismissError = useAppStore((s) => s.dismissError);
  const dismissNotice = useAppStore((s) => s.dismissNotice);

  useEffect(() => {
    if (notices.length === 0) return;
    const timers = notices.map((n) => window.setTimeout(() => dismissNotice(n.id), NOTICE_MS));
    return () => timers.forEach((id) => window.clearTimeout(id));
  }, [notices, dismissNotice]);

  if (errors.length === 0 && notices.length === 0) return null;
  return (
    <div className="banners" aria-live="polite">
      {errors.map((e) => (
        <div key={e.id} className="banner banner-error" role="alert" data-testid="error-banner" data-code={e.code}>
          <span className="banner-text">{translate(locale, `errors.${e.code}`, e.params)}</span>
          <button type="button" className="icon-button" onClick={() => dismissError(e.id)} aria-label={t('notice.dismiss')} title={t('notice.dismiss')}>
            ×
          </button>
        </div>
      ))}
      {notices.map((n) => {
        const translated = Object.fromEntries(Object.entries(n.paramKeys ?? {}).map(([k, key]) => [k, translate(locale, key).replace(/…$/, '')]));
        return (
          <div key={n.id} className="banner banner-notice" role="status" data-testid="notice" data-key={n.key}>
            <span className="banner-text">{translate(locale, n.key, { ...n.params, ...translated })}</span>
            <button type="button" className="icon-button" onClick={() => dismissNotice(n.id)} aria-label={t('notice.dismiss')} title={t('notice.dismiss')}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
