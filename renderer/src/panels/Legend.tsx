/** The legend: every symbol the map draws, named in the current locale (data-testid="legend"). */
import { useT } from '../app/useT.js';
import { legendSections, SH, SW, type LegendSection } from '../map/legendModel.js';
import { selectPlanning, selectShownCoverage } from '../state/analysisSlice.js';
import { useAppStore } from '../state/store.js';

function SectionList({ section }: { section: LegendSection }) {
  return (
    <>
      <h3>
        {section.title}
        {section.subtitle && <span className="legend-sub">{section.subtitle}</span>}
      </h3>
      <ul>
        {section.items.map((item) => {
          const { testid, ...data } = item.data ?? {};
          const attrs = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v]));
          return (
            <li key={item.key} data-testid={testid} {...attrs}>
              <svg className="legend-swatch" width={SW} height={SH} viewBox={`0 0 ${SW} ${SH}`} aria-hidden="true">
                {item.swatch}
              </svg>
              <span>{item.label}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

export function Legend() {
  const t = useT();
  const visibility = useAppStore((s) => s.visibility);
  const coverage = useAppStore(selectShownCoverage);
  const planning = useAppStore(selectPlanning);
  const group = useAppStore((s) => s.analysisGroup);
  const proposalsView = useAppStore((s) => s.proposalsView);
  const sections = legendSections({ t, visibility, coverage, group, proposalsView, planning, shownOnly: false });
  // Sections of one group (the proposals map, the coverage analysis) share a block.
  const blocks: { group?: string; sections: LegendSection[] }[] = [];
  for (const s of sections) {
    const last = blocks[blocks.length - 1];
    if (last && s.group && last.group === s.group) last.sections.push(s);
    else blocks.push({ group: s.group, sections: [s] });
  }
  return (
    <section className="legend panel-float" data-testid="legend" aria-label={t('ui.legend')}>
      <h2 className="panel-title">{t('ui.legend')}</h2>
      {blocks.map((b) =>
        b.group ? (
          <div key={b.sections[0].key} className={`legend-${b.group}`} data-testid={`legend-${b.group}`}>
            {b.sections.map((s) => (
              <SectionList key={s.key} section={s} />
            ))}
          </div>
        ) : (
          <SectionList key={b.sections[0].key} section={b.sections[0]} />
        ),
      )}
    </section>
  );
}
