/** The importProblems catalogs, for the parity test. */
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { en as enAll } from '../../renderer/src/i18n/en.js';

export const zh = zhCN.importProblems as Record<string, string>;
export const en = enAll.importProblems as Record<string, string>;
