import type { scenariosUiZh } from './scenarios-ui.zh-CN.js';

/** en catalog section `scenariosUi` (merged into en.ts); same keys as the zh-CN section. */
export const scenariosUiEn: typeof scenariosUiZh = {
};
