const SPEED_MODES = { walk: '步行', ebike: '电动车', car: '小汽车', van: '巡诊车' };
const SPEED_ROADS = { national: '国道', provincial: '省道', county: '县道', township: '乡道', village: '村道', track: '机耕路' };
/** One label per travel mode and road class, e.g. "小汽车·国道速度". */
const speedLabels = Object.fromEntries(
  Object.entries(SPEED_MODES).map(([mode, modeName]) => [
    mode,
    Object.fromEntries(Object.entries(SPEED_ROADS).map(([road, roadName]) => [road, `${modeName}·${roadName}速度`])),
  ]),
) as Record<keyof typeof SPEED_MODES, Record<keyof typeof SPEED_ROADS, string>>;

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
  weekdays: { mon: '周一', tue: '周二', wed: '周三', thu: '周四', fri: '周五', sat: '周六', sun: '周日' },
  sessions: { am: '上午', pm: '下午' },
  ruleLabels: {
    V1: {
      tour_visits_per_week: '每村每周巡诊次数',
      tour_session_hours: '每次巡诊在村时长',
    },
    V2: {
      tour_floor_per_week: '每周巡诊次数下限（国家要求）',
    },
    V3: {
      posting_days_per_week: '派驻每周工作天数',
      posting_min_months: '派驻连续最短月数',
    },
    V4: {
      small_area_km2: '“面积较小”村的面积上限',
      neighbour_service_minutes: '邻村延伸服务可达时限',
      joint_clinic_min_population: '联合设置村卫生室的合计人口下限',
      merge_max_minutes: '相邻村合并的路程时限',
    },
    V5: {
      thc_outreach_share: '卫生院医师可用于巡诊派驻的工作时间比例',
    },
    T3: {
      public_health_physicians_min: '每个卫生院公共卫生医师最少人数',
    },
    T4: {
      county_posting_min_title: '县级下派人员最低职称',
      county_posting_min_months: '县级下派最短月数',
    },
    T5: {
      tier1_min_score: '第一梯次最低得分',
      tier3_below_score: '低于此分为第三梯次',
      points_recommended: '达到推荐标准的能力得分',
      points_basic: '达到基本标准的能力得分',
      points_population: '服务人口满分',
      points_staff: '医师人数满分',
      points_remoteness_max: '偏远程度最多扣分',
      population_full_points: '服务人口满分线',
      physicians_full_points: '医师人数满分线',
      remote_minutes: '距县城超过此时限记为偏远',
    },
    T6: {
      city_core_near_minutes: '距城市中心城区“较近”的时限',
      city_side_margin_minutes: '城市医院比县医院远不超过此时限即视为靠近城市',
    },
    T7: {
      posted_physicians_per_thc: '每个卫生院派驻医师最少人数',
      posting_min_title: '派驻医师最低职称',
      posting_min_months: '派驻最短月数',
    },
    T8: {
      community_days_per_week: '社区卫生服务中心派驻每周天数',
      community_resident_staff: '社区卫生服务中心常驻人数',
      community_min_title: '社区卫生服务中心派驻人员最低职称',
    },
    H2: {
      county_tours_per_quarter: '县级巡诊每季度次数',
      township_tours_per_month: '乡级巡诊每月次数',
      village_tours_per_week: '村级巡诊每周次数',
    },
    P1: {
      support_days_per_month: '支援医师每月在受援单位天数',
    },
    P2: {
      half_release_min_days_per_week: '半脱产每周最少天数',
      half_release_max_share: '半脱产人员占比上限',
      post_term_months: '每个岗位派驻期限',
      max_people_per_post_year: '每岗每年最多轮换人数',
    },
    P3: {
      subsidy_per_person_year: '派驻卫生院人员补助标准',
    },
    P5: {
      remote_village_doctor_subsidy: '偏远山区村医岗位补助提高额',
      weak_township_fund: '薄弱乡镇补助资金',
    },
    D1: {
      deploy_within_months: '规划印发后部署时限',
      report_deadline: '年度总结上报截止日',
    },
    X: {
      speed: speedLabels,
      small_village_population: '“人口较少”村的人口上限',
      large_village_population: '“人口较多”村的人口下限',
      clinic_minutes: '村卫生室可达标准',
      thc_minutes: '乡镇卫生院可达标准',
      county_hospital_minutes: '县级医院可达标准',
      detour_factor: '直线距离绕行系数',
      max_snap_metres: '村庄到道路的最大接入距离',
      import_far_from_project_km: '导入点远离项目范围的提示距离',
      isochrone_bands: '等时圈分段',
      working_days_per_week: '每周工作天数',
      tour_teams_per_thc: '每个卫生院巡诊队数（未单独设置时）',
      tour_team_hours_per_day: '巡诊队每日工作时长（含路途）',
      tour_max_travel_minutes_per_day: '巡诊队每日路途时间上限',
      tour_day_start: '巡诊出发时间',
      tour_working_days: '巡诊工作日',
      half_day_hours: '半天工作时长',
    },
  },
  ruleUnits: {
    per_week: '次/周',
    per_month: '次/月',
    per_quarter: '次/季度',
    days_per_week: '天/周',
    days_per_month: '天/月',
    hours: '小时',
    months: '个月',
    persons: '人',
    residents: '人',
    minutes: '分钟',
    km_per_h: '公里/小时',
    ratio: '倍',
    percent: '%',
    cny: '元',
    cny_per_year: '元/人·年',
    metres: '米',
    km: '公里',
    time: '时:分',
    weekdays: '星期',
    km2: '平方公里',
    points: '分',
    title: '职称',
    date: '月-日',
  },
  ruleFamilies: {
    V: '村级全覆盖',
    T: '乡镇卫生院',
    H: '巡诊层级与频次',
    P: '千名医师下基层',
    D: '报告与时限',
    X: '产品默认参数（政策文件未规定）',
  },
};
