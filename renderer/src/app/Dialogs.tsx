/** Modals: the browser-mode file path prompt, a yes/no confirmation, and About. */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useAppStore } from '../state/store.js';
import { useT } from './useT.js';

/** `wide`: a large dialog with a scrolling body (tables: settings, scenario comparison). */
export function Modal({ title, children, onClose, testId, wide = false }: { title: string; children: ReactNode; onClose(): void; testId: string; wide?: boolean }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={wide ? 'modal wide' : 'modal'} role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <h2 className="modal-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}

export function PathDialog() {
  const t = useT();
  const req = useAppStore((s) => s.pathRequest);
  const close = useAppStore((s) => s.closePath);
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!req) return;
    setValue(req.initial);
    setError(false);
    // Focus with the cursor at the end, ready to type a file name.
    requestAnimationFrame(() => {
      inputRef.current?.focus();
      const n = inputRef.current?.value.length ?? 0;
      inputRef.current?.setSelectionRange(n, n);
    });
  }, [req]);

  if (!req) return null;
  const submit = () => {
    const path = value.trim();
    if (!path) {
      setError(true);
      return;
    }
    close(path);
  };
  return (
    <Modal title={t(req.titleKey ?? (req.kind === 'open' ? 'dialog.openTitle' : 'dialog.saveAsTitle'))} onClose={() => close(null)} testId="path-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="modal-text">{t('dialog.pathExplain')}</p>
        <label className="field">
          <span>{t('dialog.pathLabel')}</span>
          <input
            ref={inputRef}
            type="text"
            value={value}
            spellCheck={false}
            autoComplete="off"
            placeholder={t('dialog.pathPlaceholder')}
            onChange={(e) => {
              setValue(e.target.value);
              setError(false);
            }}
            aria-invalid={error}
            data-testid="path-input"
          />
        </label>
        {error && <p className="field-error">{t('dialog.pathRequired')}</p>}
        <div className="modal-actions">
          <button type="button" onClick={() => close(null)}>
            {t('dialog.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('dialog.ok')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function ConfirmDialog() {
  const t = useT();
  const req = useAppStore((s) => s.confirmRequest);
  const close = useAppStore((s) => s.closeConfirm);
  if (!req) return null;
  return (
    <Modal title={t(req.titleKey)} onClose={() => close(false)} testId="confirm-dialog">
      <p className="modal-text pre">{t(req.messageKey, req.params)}</p>
      <div className="modal-actions">
        <button type="button" onClick={() => close(false)}>
          {t('dialog.cancel')}
        </button>
        <button type="button" className="primary danger" onClick={() => close(true)} autoFocus>
          {t(req.confirmKey)}
        </button>
      </div>
    </Modal>
  );
}

export function AboutDialog() {
  const t = useT();
  const open = useAppStore((s) => s.aboutOpen);
  const setOpen = useAppStore((s) => s.setAboutOpen);
  const info = useAppStore((s) => s.appInfo);
  const summary = useAppStore((s) => s.summary);
  if (!open) return null;
  return (
    <Modal title={`${t('menu.about')} — ${t('app.title')}`} onClose={() => setOpen(false)} testId="about-dialog">
      <p className="modal-text">{t('about.description')}</p>
      {info && (
        <ul className="about-facts">
          <li>{t('about.version', { version: info.version })}</li>
          <li>{t('about.schema', { n: info.schemaVersion })}</li>
          <li>{t('about.door', { door: t(`about.doors.${info.door}`) })}</li>
        </ul>
      )}
      {summary && <p className="modal-text small">{t('about.project', { path: summary.path })}</p>}
      {summary?.isDemo && <p className="modal-text small">{t('app.demoNotice')}</p>}
      <div className="modal-actions">
        <button type="button" className="primary" onClick={() => setOpen(false)} autoFocus>
          {t('dialog.close')}
        </button>
      </div>
    </Modal>
  );
}
