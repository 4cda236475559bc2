/** (Being written.) */
export function RosterPanel() {
  return null;
}
