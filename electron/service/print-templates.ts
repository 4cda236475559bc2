/**
 * Checks for the print API (issue 7): a template's name and layout before it is stored
 * (savePrintTemplate), and a PNG page before it is written (writePng). The API's zod schemas have
 * checked the shapes; these name the problem in the user's language. Nothing is written when
 * one of them throws.
 */
import path from 'node:path';
import { ApiError } from '../api/errors.js';
import { MAX_PNG_BYTES } from '../api/schema.js';
import { DEFAULT_LAYOUT_NAME, MIN_ELEMENT_MM, PRINT_DPI_CHOICES, checkPrintLayout, type PrintLayout, type PrintLayoutProblem } from '../domain/print-layout.js';

export const PRINT_TEMPLATE_NAME_MAX = 60;

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The name a template is stored under (trimmed), or PRINT_TEMPLATE_INVALID naming the problem. */
export function checkTemplateName(raw: string, t: Translate): string {
  const name = raw.trim();
  const length = [...name].length;
  const fail = (reasonCode: string, params: Record<string, string | number> = {}) =>
    new ApiError('PRINT_TEMPLATE_INVALID', `print template name: ${reasonCode}`, {
      name: length > PRINT_TEMPLATE_NAME_MAX ? `${[...name].slice(0, PRINT_TEMPLATE_NAME_MAX).join('')}…` : name,
      field: 'name',
      reasonCode,
      detail: t(`errors.details.print_${reasonCode}`, params),
    });
  if (length === 0) throw fail('name_empty');
  if (length > PRINT_TEMPLATE_NAME_MAX) throw fail('name_too_long', { max: PRINT_TEMPLATE_NAME_MAX, length });
  if (/[\u0000-\u001f\u007f]/.test(name)) throw fail('name_bad_char');
  if (name.toLowerCase() === DEFAULT_LAYOUT_NAME) throw fail('name_reserved', { reserved: DEFAULT_LAYOUT_NAME });
  return name;
}

/** Throws PRINT_TEMPLATE_INVALID listing every problem checkPrintLayout finds (none: returns). */
export function checkTemplateLayout(name: string, layout: PrintLayout, t: Translate): void {
  const problems = checkPrintLayout(layout);
  if (problems.length === 0) return;
  const first = problems[0];
  const field =
    first.kind === 'bad_dpi'
      ? 'layout.dpi'
      : first.kind === 'off_page'
        ? `layout.elements.${layout.elements.findIndex((e) => e.kind === first.element)}`
        : 'layout.elements';
  const detail = problems.map((p) => problemText(p, t)).join(t('cli.listSeparator'));
  throw new ApiError('PRINT_TEMPLATE_INVALID', `print template ${name}: ${problems.map(problemCode).join(', ')}`, {
    name,
    field,
    reasonCode: first.kind,
    problems: problems.map(problemCode).join(','),
    count: problems.length,
    detail,
  });
}

function problemCode(p: PrintLayoutProblem): string {
  return p.kind === 'bad_dpi' ? `${p.kind}:${p.dpi}` : `${p.kind}:${p.element}`;
}

function problemText(p: PrintLayoutProblem, t: Translate): string {
  if (p.kind === 'bad_dpi') return t('errors.details.print_bad_dpi', { dpi: p.dpi, choices: PRINT_DPI_CHOICES.join(' / ') });
  return t(`errors.details.print_${p.kind}`, { element: t(`errors.details.print_element_${p.element}`), min: MIN_ELEMENT_MM });
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const DATA_URL_PREFIX = /^data:image\/png;base64,/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The bytes of a PNG to write to `target`: the name must end in .png, the data be base64 (a
 * data: URL is accepted), at most MAX_PNG_BYTES once decoded, and start with the PNG signature
 * and its IHDR chunk. PNG_INVALID / FILE_TOO_LARGE otherwise.
 */
export function decodePng(target: string, data: string, t: Translate): Buffer {
  const file = path.resolve(target);
  const fail = (reasonCode: string, field: string) =>
    new ApiError('PNG_INVALID', `not a PNG: ${reasonCode}: ${file}`, { path: file, field, reasonCode, detail: t(`errors.details.png_${reasonCode}`) });
  if (!/\.png$/i.test(file)) throw fail('extension', 'path');
  const b64 = data.replace(DATA_URL_PREFIX, '');
  if (!BASE64.test(b64)) throw fail('base64', 'data');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length > MAX_PNG_BYTES) {
    throw new ApiError('FILE_TOO_LARGE', `PNG of ${bytes.length} bytes: ${file}`, { path: file, detail: t('errors.details.png_too_large', { max: MAX_PNG_BYTES / (1024 * 1024) }) });
  }
  const isPng = bytes.length >= 33 && bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.toString('latin1', 12, 16) === 'IHDR';
  if (!isPng) throw fail('signature', 'data');
  return bytes;
}
