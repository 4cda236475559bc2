/** The 乡镇 filter of the dock tables: all townships, or one. */
import { useT } from '../app/useT.js';

export function TownshipFilter({ value, townships, onChange }: { value: string | null; townships: readonly { code: string; name: string }[]; onChange(code: string | null): void }) {
  const t = useT();
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
