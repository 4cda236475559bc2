/** (Being written.) */
export function TierTable() {
  return null;
}
