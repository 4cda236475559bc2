/** 编辑 → 历史记录: the project's change log, newest first; undone changes greyed. */
import { Modal } from '../app/Dialogs.js';
import { useLocale, useT } from '../app/useT.js';
import { useAppStore } from '../state/store.js';
import { changeCountsText, changeTime, historyNewestFirst } from './historyFormat.js';
import { redo, undo } from './importActions.js';

export function HistoryDialog() {
  const t = useT();
  const locale = useLocale();
  const open = useAppStore((s) => s.historyOpen);
  const history = useAppStore((s) => s.history);
  const setOpen = useAppStore((s) => s.setHistoryOpen);
  if (!open) return null;
  const entries = history ? historyNewestFirst(history) : null;
  return (
    <Modal title={t('importWizard.historyTitle')} onClose={() => setOpen(false)} testId="history-dialog">
      {entries === null ? (
        <p className="modal-text">{t('ui.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="modal-text">{t('importWizard.historyEmpty')}</p>
      ) : (
        <ul className="history-list">
          {entries.map((c) => (
            <li key={c.id} className={c.undone ? 'undone' : undefined} data-undone={c.undone}>
              <span className="history-time">{changeTime(c.at)}</span>
              <span className="history-label">{c.label || t(`importWizard.kinds.${c.kind}`)}</span>
              <span className="history-counts">{changeCountsText(locale, c.counts)}</span>
              {c.undone && <span className="history-state">{t('importWizard.undoneMark')}</span>}
            </li>
          ))}
        </ul>
      )}
      <div className="modal-actions">
        <button type="button" className="align-left" onClick={() => void undo()}>
          {t('menu.undo')}
        </button>
        <button type="button" onClick={() => void redo()}>
          {t('menu.redo')}
        </button>
        <button type="button" className="primary" onClick={() => setOpen(false)} autoFocus>
          {t('dialog.close')}
        </button>
      </div>
    </Modal>
  );
}
