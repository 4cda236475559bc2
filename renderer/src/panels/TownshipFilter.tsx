/** The 乡镇 filter of the dock tables: all townships, or one (the project's townships by code). */
import { useMemo } from 'react';
import { useT } from '../app/useT.js';
import { useAppStore } from '../state/store.js';

export function TownshipFilter({ value, onChange }: { value: string | null; onChange(code: string | null): void }) {
  const t = useT();
  const layer = useAppStore((s) => s.layers.townships);
  const townships = useMemo(() => (layer?.features ?? []).map((f) => f.properties).sort((a, b) => (a.code < b.code ? -1 : 1)), [layer]);
  return (
    <label>
      {t('analysis.table.townshipFilter')}
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} data-filter="township">
        <option value="">{t('analysis.table.allTownships')}</option>
        {townships.map((tw) => (
          <option key={tw.code} value={tw.code}>
            {tw.name}
          </option>
        ))}
      </select>
    </label>
  );
}

