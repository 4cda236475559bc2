/** zh-CN catalog section `reportsUi` (merged into zh-CN.ts): the 报表 dialog. */
export const reportsUiZh = {
  commands: {
    open: '报表…',
  },
  title: '报表',
  intro: '按所选方案和出行方式重新运行分析并生成会议用报表；每条建议和每项数字都附有规则编号及政策依据。',
  kind: '报表',
  kinds: {
    tours: {
      name: '巡诊排班表',
      description: '每个乡镇卫生院、每支巡诊队每天的巡诊点、到达与离开时间、路途；每村一份公示；县、乡两级的上级巡诊计划。',
    },
    proposals: {
      name: '规划建议',
      description: '每个村的服务方式建议（已覆盖、邻村延伸、联合设点、巡诊、派驻、县医院补位）、处理意见、规则编号和理由；相邻村合并。',
    },
    tiers: {
      name: '卫生院梯次',
      description: '每个乡镇卫生院的梯次与得分构成、支援医院、所需派驻、公共卫生医师缺口和下派需求（T1–T8）。',
    },
    roster: {
      name: '派驻名单',
      description: '每条派驻记录（人员、职称、派出单位、派驻地、期限、脱产方式）及其不符合的规定（P1–P4、T4、T7、T8）。',
    },
    yearly: {
      name: '年度汇总',
      description: '各服务方式的村数、全年巡诊次数、派驻人员与人月、派驻补助和人员缺口，每项附规则依据（D1）。',
    },
  },
  format: '格式',
  formats: {
    pdf: 'PDF（A4 横向，可直接打印）',
    xlsx: 'XLSX（Excel 工作簿，可再编辑）',
  },
  scenario: '方案',
  mode: '出行方式',
  save: '生成并保存…',
  close: '关闭',
  running: '正在生成报表…（已用 {seconds} 秒）',
  written: '报表已保存：{path}',
  sheets: '内容：{sheets}',
  failed: '报表未生成：{message}',
  listSeparator: '、',
};
