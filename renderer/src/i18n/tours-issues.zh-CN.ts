/**
 * zh-CN catalog section `tourIssues`: the reasons of weekly and higher-level tour plans (TourIssue.code).
 * Params: {day} is a weekday code and {dayList}/{allowed} comma-joined weekday codes — put into
 * words by tourIssueText (renderer/src/i18n/tours-format.ts); {session} is 'am'/'pm'; {days} is always a count; minutes are
 * whole minutes; {name} is the venue's village name(s) (or the THC's, county_to_thc).
 */
export const tourIssuesZh = {
  // Input and set-up (planWeek / planHigherLevel)
  session_too_short: '每次巡诊驻点 {hours} 小时，不足半天（{min} 小时）',
  no_team_days: '没有可排班的巡诊队伍工作日（队伍 {teams} 支，工作日 {workingDays} 天，每日 {hoursPerDay} 小时），{venues} 个巡诊点需县医院补位',
  below_floor: '{name} 每周巡诊 {required} 次，低于每周至少 {floor} 次的底线',
  unreachable: '{name} 从出发地无道路可达，无法安排巡诊（每周需 {required} 次），需县医院补位',
  too_far_for_a_day: '{name} 单独往返路程 {travel} 分钟，加驻点全天 {dayMinutes} 分钟，超过每日工作 {hoursLimit} 分钟或路程 {travelLimit} 分钟的上限',
  frequency_too_high: '{name} 每周需巡诊 {required} 次，但可安排的日子只有 {days} 天',
  no_capacity: '巡诊队伍（{teams} 支）排不下 {name} 的全部巡诊：已排 {planned} 次，需 {required} 次，其余由县医院补位',
  does_not_fit_period: '{name} 在本周期 {days} 个工作日内排不下：已排 {planned} 次，需 {required} 次',
  // Re-checks of the plan (evaluateWeekPlan)
  unknown_venue: '巡诊点 {venue} 不在本计划中',
  session_clash: '第 {team} 队 {day} {session} 安排了多个巡诊点（含 {name}）',
  unreachable_leg: '从 {from} 到 {to} 无道路可达',
  day_too_long: '第 {team} 队 {day} 全天 {minutes} 分钟，超过每日工作 {limit} 分钟',
  travel_too_long: '第 {team} 队 {day} 路程 {minutes} 分钟，超过每日 {limit} 分钟',
  too_many_stops: '第 {team} 队 {day} 安排了 {stops} 个巡诊点，每天最多 {max} 个（上午、下午各一）',
  same_day_twice: '{name} 在 {day} 被安排了两次巡诊',
  not_working_day: '{name} 安排在非工作日 {day}',
  day_not_allowed: '{name} 不能在 {day} 巡诊（可巡诊日：{allowed}）',
  consecutive_days: '{name} 的巡诊安排在相邻的日子（{dayList}），未能错开',
  frequency_not_met: '{name} 每周只排了 {visits} 次巡诊，需 {required} 次',
  too_many_visits: '{name} 每周排了 {visits} 次巡诊，超过所需的 {required} 次',
  thc_missing: '负责的乡镇卫生院 {thc} 不在项目中，由本机构代为巡诊',
};
