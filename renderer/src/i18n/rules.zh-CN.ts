/** zh-CN: names of the service modes, tiers, rule units, and the label of every rule in the rules table. */
export const planningCommonZh = {
  serviceModes: {
    covered: '已覆盖',
    neighbour: '邻村延伸服务',
    joint_clinic: '联合设置村卫生室',
    tour: '巡诊',
    posting: '派驻',
    county_backfill: '县医院补位',
    undecided: '未定',
  },
  tiers: { '1': '第一梯次', '2': '第二梯次', '3': '第三梯次', unranked: '未分梯次' },
  decisionStatus: { proposed: '待定', accepted: '已接受', rejected: '已拒绝', overridden: '已调整' },
};
