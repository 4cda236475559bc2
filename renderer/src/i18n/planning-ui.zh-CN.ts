/** zh-CN catalog section `planningUi` (merged into zh-CN.ts). */
export const planningUiZh = {
};
