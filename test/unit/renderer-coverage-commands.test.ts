/** The coverage analysis commands: declared once, labelled in both locales, enabled by the analysis state. */
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, findCommand, runCommand, toolbarCommands, type CommandContext, type CommandState } from '../../renderer/src/app/commands.js';
import { translate } from '../../renderer/src/i18n/index.js';
import { spyContext } from '../helpers/command-context.js';

const base: CommandState = { locale: 'zh-CN', legendVisible: true, hasProject: true };

describe('coverage analysis commands', () => {
  it('are in the analysis menu and the toolbar, labelled 覆盖分析 / 取消分析 / 假设情景 / 重置假设', () => {
    const ids = ['analysis.coverage', 'analysis.cancel', 'analysis.whatIf', 'analysis.resetWhatIf'];
    for (const id of ids) {
      const c = findCommand(id)!;
      expect(c.menu).toBe('analysis');
      expect(toolbarCommands()).toContain(c);
    }
    expect(ids.map((id) => translate('zh-CN', findCommand(id)!.toolbarKey!))).toEqual(['覆盖分析', '取消分析', '假设情景', '重置假设']);
    expect(translate('en', findCommand('analysis.whatIf')!.labelKey)).toMatch(/What-if/);
    // Beside them in the analysis menu: the scenario comparison and the planning settings.
    expect(COMMANDS.filter((c) => c.menu === 'analysis').map((c) => c.id)).toEqual([...ids, 'scenario.compare', 'tours.plan', 'settings.open']);
  });

  it('runs the analysis', async () => {
    const ctx = spyContext();
    expect(await runCommand('analysis.coverage', ctx, base)).toBe(true);
    expect(ctx.runCoverage).toHaveBeenCalledTimes(1);
  });

  it('cancel only while running; no second run meanwhile', async () => {
    const ctx = spyContext();
    expect(await runCommand('analysis.cancel', ctx, base)).toBe(false);
    const running = { ...base, analysisRunning: true };
    expect(await runCommand('analysis.cancel', ctx, running)).toBe(true);
    expect(await runCommand('analysis.coverage', ctx, running)).toBe(false);
    expect(ctx.cancelAnalysis).toHaveBeenCalledTimes(1);
    expect(ctx.runCoverage).not.toHaveBeenCalled();
  });

  it('what-if needs a result; reset needs a change; both show their state', async () => {
    const ctx = spyContext();
    expect(await runCommand('analysis.whatIf', ctx, base)).toBe(false);
    expect(await runCommand('analysis.whatIf', ctx, { ...base, hasCoverage: true })).toBe(true);
    expect(findCommand('analysis.whatIf')!.checked!({ ...base, whatIf: true })).toBe(true);
    expect(await runCommand('analysis.resetWhatIf', ctx, { ...base, hasCoverage: true, whatIf: true })).toBe(false);
    expect(await runCommand('analysis.resetWhatIf', ctx, { ...base, hasCoverage: true, whatIf: true, whatIfChanged: true })).toBe(true);
    // Leaving what-if is always possible.
    expect(await runCommand('analysis.whatIf', ctx, { ...base, whatIf: true, analysisRunning: true })).toBe(true);
    expect(ctx.toggleWhatIf).toHaveBeenCalledTimes(2);
    expect(ctx.resetWhatIf).toHaveBeenCalledTimes(1);
  });
});
