/** (Being written.) */
export function CompareDialog() {
  return null;
}
