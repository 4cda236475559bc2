/** zh-CN catalog section `scenariosUi` (merged into zh-CN.ts). */
export const scenariosUiZh = {
};
