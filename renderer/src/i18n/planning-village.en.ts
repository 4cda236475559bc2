import type { villageReasonsZh } from './planning-village.zh-CN.js';

/** en catalog section `villageReasons` (merged into en.ts); same keys as the zh-CN section. */
export const villageReasonsEn: typeof villageReasonsZh = {
};
