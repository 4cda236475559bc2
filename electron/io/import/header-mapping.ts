/** Guesses field ↔ column from Chinese and English headers; options.mapping overrides. */
import type { ImportLayer } from '../../api/schema.js';
import { LAYER_FIELDS, normHeader } from './fields.js';

export function guessMapping(layer: ImportLayer, columns: string[], override: Record<string, string> = {}): Record<string, string> {
  const specs = LAYER_FIELDS[layer] ?? [];
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  for (const [field, col] of Object.entries(override)) {
    if (col && columns.includes(col) && specs.some((s) => s.field === field)) {
      mapping[field] = col;
      used.add(col);
    }
  }
  const norm = columns.map((c) => [c, normHeader(c)] as const);
  // Exact alias matches first, in alias order, then "column contains alias" for longer Chinese aliases.
  for (const pass of ['exact', 'contains'] as const) {
    for (const s of specs) {
      if (mapping[s.field] || s.field in override) continue;
      for (const alias of s.aliases) {
        const a = normHeader(alias);
        const hit = norm.find(([c, n]) => !used.has(c) && (pass === 'exact' ? n === a : a.length >= 2 && /[^\x00-\x7f]/.test(a) && n.includes(a)));
        if (hit) {
          mapping[s.field] = hit[0];
          used.add(hit[0]);
          break;
        }
      }
    }
  }
  return mapping;
}
