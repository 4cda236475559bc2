/**
 * 打印: the print layout editor. The page preview on the left (elements moved by dragging and
 * resized by their corner handle, or nudged with the arrow keys), the layout's settings and
 * elements on the right, templates saved in the project, and the exports: PDF, 300-dpi PNG, and
 * atlases (one page per township or THC service area).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  clampBox,
  DEFAULT_LAYOUT_NAME,
  elementOf,
  ORIENTATIONS,
  pagePath,
  pageSizeMm,
  PAPER_SIZES,
  PRINT_DPI_CHOICES,
  PRINT_ELEMENT_KINDS,
  withPaper,
  type Orientation,
  type PaperSize,
  type PrintBox,
  type PrintElementKind,
  type PrintLayout,
  type PrintTemplate,
} from '../../../electron/domain/print-layout.js';
import { api, host } from '../api/index.js';
import { reportError } from '../app/actions.js';
import { errorText } from '../app/errorText.js';
import { useT } from '../app/useT.js';
import { selectPlanning } from '../state/analysisSlice.js';
import { useAppStore } from '../state/store.js';
import { mountedPageSvgs, mountSheets, svgToPng, toBase64, unmountSheets } from './printExport.js';
import { exportName, pageContent, pagesOf, projectDefaultLayout, renderPages, standardsOf, takePrintSnapshot, type PrintScope, type PrintSnapshot } from './printJob.js';
import { PrintPage, type PrintPageContent } from './PrintPage.js';

type T = ReturnType<typeof useT>;

/** Replaces one element's box (the grid always follows the map). */
function withBox(layout: PrintLayout, kind: PrintElementKind, box: PrintBox): PrintLayout {
  return {
    ...layout,
    elements: layout.elements.map((e) => (e.kind === kind || (kind === 'map' && e.kind === 'grid') ? { ...e, ...box } : e)),
  };
}

const TEXT_FIELDS = ['title', 'subtitle', 'organisation', 'date', 'sources', 'approvalNo'] as const;
const SCOPES: readonly PrintScope[] = ['county', 'view', 'townships', 'thcs'];
/** Grid spacings offered, arc minutes (0: chosen from the extent). */
const GRID_CHOICES = [0, 1, 2, 5, 10, 15, 30, 60];

export function PrintEditor() {
  const t = useT();
  const close = () => useAppStore.getState().setPrintOpen(false);
  const summary = useAppStore((s) => s.summary);
  const readOnly = useAppStore((s) => s.summary?.readOnly ?? false);
  const [snap] = useState<PrintSnapshot | null>(() => takePrintSnapshot());
  // The last layout of this project in this session, else the default.
  const [draft] = useState(() => {
    const d = useAppStore.getState().printDraft;
    return d && d.projectPath === summary?.path ? d : null;
  });
  const proposalsShown = useAppStore((s) => s.proposalsView && selectPlanning(s) !== null);
  const freshLayout = (paper: PaperSize, orientation: Orientation) => projectDefaultLayout(t, summary?.title ?? '', snap?.standards ?? standardsOf(null), paper, orientation, proposalsShown);
  const [layout, setLayout] = useState<PrintLayout>(() => draft?.layout ?? freshLayout('A3', 'landscape'));
  const [templates, setTemplates] = useState<PrintTemplate[]>([]);
  const [templateName, setTemplateName] = useState(draft?.templateName ?? DEFAULT_LAYOUT_NAME);
  const [saveName, setSaveName] = useState('');
  const [scope, setScope] = useState<PrintScope>((draft?.scope as PrintScope | undefined) ?? 'county');
  const [selected, setSelected] = useState<PrintElementKind | null>(null);
  const [preview, setPreview] = useState<PrintPageContent | null>(null);
  const [busy, setBusy] = useState<{ done: number; total: number } | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState({ w: 800, h: 600 });

  const page = useMemo(() => pageSizeMm(layout.paper, layout.orientation), [layout.paper, layout.orientation]);
  const scale = Math.min(stage.w / page.w, stage.h / page.h) * 0.96; // CSS px per mm on screen
  const specs = useMemo(() => (snap ? pagesOf(snap, scope) : []), [snap, scope]);

  useEffect(() => {
    void api
      .getPrintTemplates({})
      .then((r) => {
        setTemplates(r.templates);
        if (r.damaged.length > 0) setMessage({ kind: 'error', text: t('print.templates.damaged', { names: r.damaged.join('、') }) });
      })
      .catch(reportError);
  }, [t]);

  useEffect(() => {
    if (summary) useAppStore.getState().setPrintDraft({ projectPath: summary.path, layout, templateName, scope });
  }, [summary, layout, templateName, scope]);

  useEffect(() => {
    const el = stageRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setStage({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The preview's map: first page of the scope, at about screen resolution, redrawn when the map box changes size.
  const mapBox = elementOf(layout, 'map');
  const previewKey = `${scope}|${mapBox.w}|${mapBox.h}|${layout.gridMinutes}`;
  const previewDpi = Math.max(48, Math.min(150, Math.round(scale * 25.4 * (window.devicePixelRatio || 1))));
  useEffect(() => {
    if (!snap || specs.length === 0) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      renderPages(snap, layout, specs.slice(0, 1), previewDpi, undefined, ctl.signal)
        .then((pages) => !ctl.signal.aborted && setPreview(pages[0] ?? null))
        .catch((e: unknown) => {
          if ((e as { name?: string }).name !== 'AbortError') reportError(e);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
    // Keyed on the map box (previewKey), not the whole layout: a new title needs no new map.
  }, [snap, previewKey, previewDpi, specs]);

  const content: PrintPageContent | null = useMemo(() => {
    if (!snap || specs.length === 0) return null;
    const c = pageContent(snap, layout, specs[0]);
    return { ...c, map: preview && preview.key === specs[0].key ? preview.map : null };
  }, [snap, layout, specs, preview]);

  // Dragging: pointer moves in screen px, boxes in mm.
  const drag = useRef<{ kind: PrintElementKind; mode: 'move' | 'resize'; x: number; y: number; box: PrintBox } | null>(null);
  const onPointerDown = useCallback(
    (kind: PrintElementKind, mode: 'move' | 'resize', e: React.PointerEvent<SVGElement>) => {
      e.preventDefault();
      e.stopPropagation();
      setSelected(kind);
      const el = elementOf(layout, kind);
      drag.current = { kind, mode, x: e.clientX, y: e.clientY, box: { x: el.x, y: el.y, w: el.w, h: el.h } };
    },
    [layout],
  );
  useEffect(() => {
    const move = (e: PointerEvent) => {
      const d = drag.current;
      if (!d) return;
      const dx = (e.clientX - d.x) / scale;
      const dy = (e.clientY - d.y) / scale;
      const b = d.mode === 'move' ? { ...d.box, x: d.box.x + dx, y: d.box.y + dy } : { ...d.box, w: d.box.w + dx, h: d.box.h + dy };
      setLayout((l) => withBox(l, d.kind, clampBox(b, page)));
    };
    const up = () => (drag.current = null);
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    return () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
  }, [scale, page]);

  const nudge = (e: React.KeyboardEvent) => {
    if (!selected || (e.target as HTMLElement).closest('input, select, textarea')) return;
    const step = e.shiftKey ? 5 : 1;
    const d = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key];
    if (!d) return;
    e.preventDefault();
    const el = elementOf(layout, selected);
    setLayout(withBox(layout, selected, clampBox({ ...el, x: el.x + d[0], y: el.y + d[1] }, page)));
  };

  const loadTemplate = (name: string) => {
    setTemplateName(name);
    setSelected(null);
    const tpl = templates.find((x) => x.name === name);
    setLayout(tpl ? tpl.layout : freshLayout(layout.paper, layout.orientation));
  };

  const saveTemplate = async () => {
    const name = saveName.trim();
    try {
      const saved = await api.savePrintTemplate({ name, layout });
      setTemplates((list) => [...list.filter((x) => x.name !== saved.name), saved].sort((a, b) => a.name.localeCompare(b.name)));
      setTemplateName(saved.name);
      setSaveName('');
      setMessage({ kind: 'ok', text: t('print.templates.saved', { name: saved.name }) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
  };

  const deleteTemplate = async () => {
    try {
      const r = await api.deletePrintTemplate({ name: templateName });
      setTemplates(r.templates);
      setMessage({ kind: 'ok', text: t('print.templates.deleted', { name: templateName }) });
      setTemplateName(DEFAULT_LAYOUT_NAME);
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    }
  };

  /** Renders every page of the scope at the layout's resolution (cancellable). */
  const renderAll = async (): Promise<PrintPageContent[] | null> => {
    if (!snap) return null;
    const ctl = new AbortController();
    abortRef.current = ctl;
    setMessage(null);
    setBusy({ done: 0, total: specs.length });
    try {
      return await renderPages(snap, layout, specs, layout.dpi, (done, total) => setBusy({ done, total }), ctl.signal);
    } catch (e) {
      if ((e as { name?: string }).name !== 'AbortError') setMessage({ kind: 'error', text: errorText(e, t) });
      return null;
    } finally {
      abortRef.current = null;
      setBusy(null);
    }
  };

  const exportPdf = async () => {
    if (!snap) return;
    const pages = await renderAll();
    if (!pages) return;
    await mountSheets(layout, pages);
    try {
      const path = await host.printToPdf(exportName(snap, layout, scope, 'pdf'), { paper: layout.paper, landscape: layout.orientation === 'landscape' });
      if (path) setMessage({ kind: 'ok', text: t('print.exported', { path, pages: pages.length }) });
      else if (host.door === 'browser') setMessage({ kind: 'ok', text: t('print.browserPrint') });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    } finally {
      unmountSheets();
    }
  };

  const exportPng = async () => {
    if (!snap) return;
    const target = await host.showSaveDialog(exportName(snap, layout, scope, 'png'), 'png');
    if (!target) return;
    const pages = await renderAll();
    if (!pages) return;
    await mountSheets(layout, pages);
    try {
      const svgs = mountedPageSvgs();
      const written: string[] = [];
      for (let i = 0; i < svgs.length; i++) {
        setBusy({ done: i, total: svgs.length });
        const png = await svgToPng(svgs[i], layout, layout.dpi);
        const r = await api.writePng({ path: pagePath(target, i, svgs.length), data: toBase64(png), overwrite: true });
        written.push(r.path);
      }
      setMessage({ kind: 'ok', text: t('print.exported', { path: written.length > 1 ? `${written[0]} …` : written[0], pages: written.length }) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorText(e, t) });
    } finally {
      setBusy(null);
      unmountSheets();
    }
  };

  const sel = selected ? elementOf(layout, selected) : null;
  const set = (patch: Partial<PrintLayout>) => setLayout((l) => ({ ...l, ...patch }));
  const isSaved = templates.some((x) => x.name === templateName);

  return (
    <div className="print-editor" role="dialog" aria-modal="true" aria-label={t('print.title')} data-testid="print-editor" tabIndex={-1} onKeyDown={nudge}>
      <div className="print-stage" ref={stageRef} onPointerDown={() => setSelected(null)}>
        {content ? (
          <div className="print-preview" style={{ width: page.w * scale, height: page.h * scale }} data-testid="print-preview" data-map-drawn={content.map ? 'true' : 'false'}>
            <PrintPage layout={layout} content={content} t={t} edit={{ selected, onPointerDown }} className="print-preview-svg" />
          </div>
        ) : (
          <p className="print-empty">{t(scope === 'thcs' ? 'print.atlas.needsAnalysis' : 'print.noPages')}</p>
        )}
      </div>
      <aside className="print-side">
        <header className="print-side-head">
          <h2>{t('print.title')}</h2>
          <button type="button" className="btn" onClick={close} data-testid="print-close">
            {t('print.close')}
          </button>
        </header>

        <fieldset>
          <legend>{t('print.templates.label')}</legend>
          <div className="print-row">
            <select value={templateName} onChange={(e) => loadTemplate(e.target.value)} data-testid="print-template">
              <option value={DEFAULT_LAYOUT_NAME}>{t('print.templates.default')}</option>
              {templates.map((x) => (
                <option key={x.name} value={x.name}>
                  {x.name}
                </option>
              ))}
            </select>
            <button type="button" className="btn" disabled={!isSaved || readOnly} onClick={() => void deleteTemplate()}>
              {t('print.templates.delete')}
            </button>
          </div>
          <div className="print-row">
            <input value={saveName} placeholder={t('print.templates.name')} onChange={(e) => setSaveName(e.target.value)} data-testid="print-template-name" maxLength={60} />
            <button type="button" className="btn" disabled={!saveName.trim() || readOnly} onClick={() => void saveTemplate()} data-testid="print-template-save">
              {t('print.templates.save')}
            </button>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t('print.page')}</legend>
          <div className="print-row">
            <select value={layout.paper} onChange={(e) => setLayout(withPaper(layout, e.target.value as PaperSize, layout.orientation))} data-testid="print-paper">
              {PAPER_SIZES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
            <select value={layout.orientation} onChange={(e) => setLayout(withPaper(layout, layout.paper, e.target.value as Orientation))} data-testid="print-orientation">
              {ORIENTATIONS.map((o) => (
                <option key={o} value={o}>
                  {t(`print.orientations.${o}`)}
                </option>
              ))}
            </select>
            <label className="print-inline">
              {t('print.margin')}
              <input type="number" min={0} max={40} value={layout.marginMm} onChange={(e) => setLayout(withPaper(layout, layout.paper, layout.orientation, Math.max(0, Math.min(40, Number(e.target.value) || 0))))} />
            </label>
          </div>
          <div className="print-row">
            <label className="print-inline">
              {t('print.dpi')}
              <select value={layout.dpi} onChange={(e) => set({ dpi: Number(e.target.value) })} data-testid="print-dpi">
                {PRINT_DPI_CHOICES.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            </label>
            <label className="print-inline">
              {t('print.scope')}
              <select value={scope} onChange={(e) => setScope(e.target.value as PrintScope)} data-testid="print-scope">
                {SCOPES.map((s) => (
                  <option key={s} value={s} disabled={s === 'thcs' && !snap?.coverage}>
                    {t(`print.scopes.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {specs.length > 1 && <p className="print-hint">{t('print.atlas.pages', { count: specs.length })}</p>}
        </fieldset>

        <fieldset>
          <legend>{t('print.texts')}</legend>
          {TEXT_FIELDS.map((f) => (
            <label key={f} className="print-field">
              <span>{t(`print.fields.${f}`)}</span>
              <input value={layout[f]} placeholder={f === 'date' ? t('print.datePlaceholder') : ''} onChange={(e) => set({ [f]: e.target.value })} data-testid={`print-field-${f}`} />
            </label>
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('print.elementsTitle')}</legend>
          <ul className="print-elements">
            {PRINT_ELEMENT_KINDS.map((k) => {
              const e = elementOf(layout, k);
              return (
                <li key={k} className={selected === k ? 'selected' : ''}>
                  <label>
                    <input
                      type="checkbox"
                      checked={e.visible}
                      onChange={(ev) => set({ elements: layout.elements.map((x) => (x.kind === k ? { ...x, visible: ev.target.checked } : x)) })}
                      data-testid={`print-element-${k}`}
                    />
                    {t(`print.elements.${k}`)}
                  </label>
                  {k !== 'grid' && (
                    <button type="button" className="link" onClick={() => setSelected(k)}>
                      {t('print.select')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
          {sel && sel.kind !== 'grid' && (
            <div className="print-row print-box" data-testid="print-box">
              {(['x', 'y', 'w', 'h'] as const).map((f) => (
                <label key={f} className="print-inline">
                  {t(`print.box.${f}`)}
                  <input type="number" step={0.5} value={sel[f]} onChange={(e) => setLayout(withBox(layout, sel.kind, clampBox({ ...sel, [f]: Number(e.target.value) || 0 }, page)))} data-testid={`print-box-${f}`} />
                </label>
              ))}
            </div>
          )}
          {elementOf(layout, 'grid').visible && (
            <label className="print-inline">
              {t('print.gridSpacing')}
              <select value={layout.gridMinutes} onChange={(e) => set({ gridMinutes: Number(e.target.value) })} data-testid="print-grid-minutes">
                {GRID_CHOICES.map((m) => (
                  <option key={m} value={m}>
                    {m === 0 ? t('print.gridAuto') : m < 60 ? `${m}′` : `${m / 60}°`}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p className="print-hint">{t('print.hint')}</p>
        </fieldset>

        <div className="print-actions">
          <button type="button" className="btn primary" disabled={!snap || specs.length === 0 || busy !== null} onClick={() => void exportPdf()} data-testid="print-pdf">
            {t('print.exportPdf')}
          </button>
          <button type="button" className="btn" disabled={!snap || specs.length === 0 || busy !== null} onClick={() => void exportPng()} data-testid="print-png">
            {t('print.exportPng', { dpi: layout.dpi })}
          </button>
        </div>
        {busy && (
          <div className="print-progress" data-testid="print-progress">
            <progress max={busy.total} value={busy.done} />
            <span>{t('print.rendering', { page: Math.min(busy.total, busy.done + 1), pages: busy.total })}</span>
            <button type="button" className="btn" onClick={() => abortRef.current?.abort()}>
              {t('print.cancel')}
            </button>
          </div>
        )}
        {message && (
          <p className={message.kind === 'ok' ? 'print-message ok' : 'print-message error'} data-testid="print-message">
            {message.text}
          </p>
        )}
      </aside>
    </div>
  );
}
