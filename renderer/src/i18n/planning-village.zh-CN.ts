/** zh-CN catalog section `villageReasons` (merged into zh-CN.ts). */
export const villageReasonsZh = {
};
