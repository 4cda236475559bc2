/** (Being written.) */
export function SettingsDialog() {
  return null;
}
