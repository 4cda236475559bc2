/** A labelled choice of the baseline or one of the project's scenarios (comparison, reports). */
import { BASELINE_SCENARIO_ID, type ScenarioInfo } from '../../../../electron/domain/planning.js';

/** The baseline first, then the scenarios, as {id, name}. */
export function scenarioOptions(scenarios: readonly Pick<ScenarioInfo, 'id' | 'name'>[], baselineName: string): { id: number; name: string }[] {
  return [{ id: BASELINE_SCENARIO_ID, name: baselineName }, ...scenarios.map((s) => ({ id: s.id, name: s.name }))];
}

export function ScenarioSelect(props: { label: string; options: readonly { id: number; name: string }[]; value: number; disabled?: boolean; testId: string; onChange(id: number): void }) {
  return (
    <label>
      <span>{props.label}</span>
      <select value={props.value} disabled={props.disabled} onChange={(e) => props.onChange(Number(e.target.value))} data-testid={props.testId}>
        {props.options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
