/** zh-CN catalog section `thcReasons` (merged into zh-CN.ts). */
export const thcReasonsZh = {
};
