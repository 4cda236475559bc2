/**
 * Exports: the pages are mounted in #print-root (the print stylesheet shows only them, on paper
 * of the layout's size) and printed to PDF by the door — Electron's webContents.printToPDF, the
 * browser's own print, or the CLI's headless Chromium; PNG pages are the same SVGs drawn on a
 * canvas at the layout's resolution.
 */
import { createPortal } from 'react-dom';
import { pageSizeMm, type PrintLayout } from '../../../electron/domain/print-layout.js';
import { useT } from '../app/useT.js';
import { translate } from '../i18n/index.js';
import { useAppStore } from '../state/store.js';
import { PrintPage, type PrintPageContent } from './PrintPage.js';

/** The pages for the printer: off screen, the only thing on paper. */
export function PrintRoot() {
  const t = useT();
  const sheets = useAppStore((s) => s.printSheets);
  if (!sheets) return null;
  const { w, h } = pageSizeMm(sheets.layout.paper, sheets.layout.orientation);
  return createPortal(
    <div id="print-root" data-pages={sheets.pages.length} data-paper={`${sheets.layout.paper}-${sheets.layout.orientation}`}>
      <style>{`@page { size: ${w}mm ${h}mm; margin: 0; }`}</style>
      {sheets.pages.map((p) => (
        <div className="print-sheet" key={p.key} style={{ width: `${w}mm`, height: `${h}mm` }}>
          <PrintPage layout={sheets.layout} content={p} t={t} />
        </div>
      ))}
    </div>,
    document.body,
  );
}

/** The PNG could not be drawn (no 2D canvas, or the encoder failed: out of memory at a large size). */
const exportError = () => translate(useAppStore.getState().locale, 'print.pngFailed');

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Mounts the pages for printing and resolves once they are laid out with their images decoded. */
export async function mountSheets(layout: PrintLayout, pages: PrintPageContent[]): Promise<void> {
  await Promise.all(
    pages.map(async (p) => {
      if (!p.map) return;
      const img = new Image();
      img.src = p.map.image;
      await img.decode().catch(() => undefined);
    }),
  );
  useAppStore.getState().setPrintSheets({ layout, pages });
  await document.fonts?.ready;
  await nextFrame();
  await nextFrame();
}

export function unmountSheets(): void {
  useAppStore.getState().setPrintSheets(null);
}

/** The mounted pages' SVG elements, in order. */
export function mountedPageSvgs(): SVGSVGElement[] {
  return [...document.querySelectorAll<SVGSVGElement>('#print-root .print-sheet > svg')];
}

/** Draws one page SVG at `dpi` and returns the PNG's bytes. */
export async function svgToPng(svg: SVGSVGElement, layout: PrintLayout, dpi: number): Promise<Uint8Array> {
  const { w, h } = pageSizeMm(layout.paper, layout.orientation);
  const wp = Math.round((w / 25.4) * dpi);
  const hp = Math.round((h / 25.4) * dpi);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('width', String(wp));
  clone.setAttribute('height', String(hp));
  const text = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = wp;
    img.height = hp;
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = wp;
    canvas.height = hp;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(exportError());
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, wp, hp);
    ctx.drawImage(img, 0, 0, wp, hp);
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(withDpi(b, dpi)) : reject(new Error(exportError()))), 'image/png'));
    return new Uint8Array(await (await blob).arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The PNG with a pHYs chunk saying `dpi` (so print shops and Word size it right). */
async function withDpi(blob: Blob, dpi: number): Promise<Blob> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  // Signature (8) + IHDR chunk (4 length + 4 type + 13 data + 4 CRC) = 33: insert after it.
  const ppm = Math.round(dpi / 0.0254);
  const chunk = new Uint8Array(21);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, 9);
  chunk.set([0x70, 0x48, 0x59, 0x73], 4); // pHYs
  view.setUint32(8, ppm);
  view.setUint32(12, ppm);
  chunk[16] = 1; // unit: metre
  view.setUint32(17, crc32(chunk.subarray(4, 17)));
  return new Blob([bytes.subarray(0, 33), chunk, bytes.subarray(33)], { type: 'image/png' });
}

let crcTable: Uint32Array | null = null;
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of data) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Base64 of bytes (for the API's JSON). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
