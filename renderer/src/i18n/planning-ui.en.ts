import type { planningUiZh } from './planning-ui.zh-CN.js';

/** en catalog section `planningUi` (merged into en.ts); same keys as the zh-CN section. */
export const planningUiEn: typeof planningUiZh = {
};
