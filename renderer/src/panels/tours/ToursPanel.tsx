/** (Being written.) */
export function ToursPanel() {
  return null;
}
