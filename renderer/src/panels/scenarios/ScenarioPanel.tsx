/** (Being written.) */
export function ScenarioPanel() {
  return null;
}
