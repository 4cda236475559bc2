/** A CommandContext whose every action is a vitest spy, for the command-registry tests. */
import { vi } from 'vitest';
import type { CommandContext } from '../../renderer/src/app/commands.js';
import type { Locale } from '../../renderer/src/i18n/index.js';

export function spyContext() {
  return {
    openProject: vi.fn(async () => {}),
    openDemo: vi.fn(async () => {}),
    saveAs: vi.fn(async () => {}),
    zoomToProject: vi.fn(),
    toggleLegend: vi.fn(),
    setLocale: vi.fn(async (_l: Locale) => {}),
    showAbout: vi.fn(),
    runCoverage: vi.fn(async () => {}),
    cancelAnalysis: vi.fn(),
    toggleWhatIf: vi.fn(async () => {}),
    resetWhatIf: vi.fn(),
    openCompare: vi.fn(),
    openSettings: vi.fn(),
    openImport: vi.fn(),
    undo: vi.fn(async () => {}),
    redo: vi.fn(async () => {}),
    showHistory: vi.fn(async () => {}),
    openPrint: vi.fn(),
  } satisfies CommandContext;
}
