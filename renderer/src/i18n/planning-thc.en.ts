import type { thcReasonsZh } from './planning-thc.zh-CN.js';

/** en catalog section `thcReasons` (merged into en.ts); same keys as the zh-CN section. */
export const thcReasonsEn: typeof thcReasonsZh = {
};
