/** (Being written.) */
export function PlanningPanel() {
  return null;
}
