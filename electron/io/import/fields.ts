/**
 * What each import layer can fill: field, Chinese header (used by templates), header aliases
 * (Chinese and English), value type, whether an insert needs it, and an example value.
 */
import type { ImportLayer } from '../../api/schema.js';

export type FieldType = 'code12' | 'code9' | 'text' | 'int' | 'number' | 'lng' | 'lat' | 'bool' | 'date' | 'kind' | 'level' | 'capability' | 'title' | 'release' | 'days';

export interface FieldSpec {
  field: string;
  header: string;
  aliases: string[];
  type: FieldType;
  required?: boolean;
  example: string;
}

const LNG: FieldSpec = { field: 'lng', header: '经度', aliases: ['经度', 'lng', 'lon', 'long', 'longitude', 'x', '东经'], type: 'lng', required: true, example: '117.1234' };
const LAT: FieldSpec = { field: 'lat', header: '纬度', aliases: ['纬度', 'lat', 'latitude', 'y', '北纬'], type: 'lat', required: true, example: '25.1234' };
const TOWNSHIP: FieldSpec = { field: 'township', header: '乡镇', aliases: ['乡镇', '乡镇名称', '所属乡镇', '乡镇街道', '乡（镇）', '乡(镇)', 'township'], type: 'text', example: '城关镇' };
const TOWNSHIP_CODE: FieldSpec = { field: 'townshipCode', header: '乡镇代码', aliases: ['乡镇代码', '乡镇区划代码', '乡镇编码', 'townshipcode', 'township_code'], type: 'code9', example: '350524100' };

export const LAYER_FIELDS: Partial<Record<ImportLayer, FieldSpec[]>> = {
  villages: [
    { field: 'code', header: '村代码', aliases: ['村代码', '区划代码', '行政区划代码', '统计用区划代码', '村编码', '村级代码', '代码', 'code', 'villagecode', 'village_code'], type: 'code12', required: true, example: '350524100201' },
    { field: 'name', header: '村名', aliases: ['村名', '行政村', '村庄名称', '行政村名称', '村名称', '名称', 'name', 'village'], type: 'text', required: true, example: '示例村' },
    TOWNSHIP,
    TOWNSHIP_CODE,
    { field: 'population', header: '人口', aliases: ['人口', '户籍人口', '常住人口', '总人口', '人口数', 'population', 'pop'], type: 'int', example: '1200' },
    { field: 'households', header: '户数', aliases: ['户数', '总户数', 'households'], type: 'int', example: '350' },
    { field: 'kind', header: '类型', aliases: ['类型', '是否安置点', '村类型', 'kind', 'type'], type: 'kind', example: '行政村' },
    { field: 'areaKm2', header: '面积（平方公里）', aliases: ['面积', '面积平方公里', '村域面积', 'area', 'areakm2', 'area_km2'], type: 'number', example: '8.5' },
    { field: 'hasClinic', header: '有无村卫生室', aliases: ['有无村卫生室', '是否有村卫生室', '村卫生室', 'hasclinic'], type: 'bool', example: '有' },
    { field: 'villageDoctors', header: '村医人数', aliases: ['村医人数', '乡村医生', '乡村医生人数', '村医', 'villagedoctors'], type: 'int', example: '1' },
    { field: 'physicians', header: '执业医师', aliases: ['执业医师', '执业医师人数', 'physicians'], type: 'int', example: '0' },
    { field: 'assistantPhysicians', header: '执业助理医师', aliases: ['执业助理医师', '执业助理医师人数', 'assistantphysicians'], type: 'int', example: '1' },
    LNG,
    LAT,
  ],
  facilities: [
    { field: 'code', header: '机构代码', aliases: ['机构代码', '机构编码', '统一社会信用代码', '组织机构代码', '代码', 'code'], type: 'text', required: true, example: 'THC-350524100' },
    { field: 'name', header: '机构名称', aliases: ['机构名称', '名称', '单位名称', 'name'], type: 'text', required: true, example: '城关镇卫生院' },
    { field: 'level', header: '机构级别', aliases: ['机构级别', '机构类型', '级别', '类别', 'level'], type: 'level', required: true, example: '乡镇卫生院' },
    TOWNSHIP,
    TOWNSHIP_CODE,
    { field: 'villageCode', header: '所在村代码', aliases: ['所在村代码', '村代码', '服务村代码', 'villagecode', 'village_code'], type: 'code12', example: '' },
    { field: 'capability', header: '服务能力', aliases: ['服务能力', '优质服务基层行', '能力标准', 'capability'], type: 'capability', example: '基本标准' },
    { field: 'isCentralThc', header: '是否中心卫生院', aliases: ['是否中心卫生院', '中心卫生院', 'iscentralthc'], type: 'bool', example: '否' },
    { field: 'isPlannedSubCenter', header: '是否规划次中心', aliases: ['是否规划次中心', '规划次中心', '县域医疗次中心', 'isplannedsubcenter'], type: 'bool', example: '否' },
    { field: 'beds', header: '床位', aliases: ['床位', '床位数', '编制床位', '实有床位', 'beds'], type: 'int', example: '40' },
    { field: 'physicians', header: '执业医师', aliases: ['执业医师', '执业医师人数', 'physicians'], type: 'int', example: '12' },
    { field: 'assistantPhysicians', header: '执业助理医师', aliases: ['执业助理医师', '执业助理医师人数', 'assistantphysicians'], type: 'int', example: '3' },
    { field: 'villageDoctors', header: '乡村医生', aliases: ['乡村医生', '村医人数', '村医', 'villagedoctors'], type: 'int', example: '0' },
    { field: 'tcmPhysicians', header: '中医医师', aliases: ['中医医师', '中医', 'tcmphysicians'], type: 'int', example: '2' },
    { field: 'nurses', header: '护士', aliases: ['护士', '护士人数', '注册护士', 'nurses'], type: 'int', example: '15' },
    { field: 'publicHealthPhysicians', header: '公共卫生医师', aliases: ['公共卫生医师', '公卫医师', 'publichealthphysicians'], type: 'int', example: '1' },
    LNG,
    LAT,
  ],
  postings: [
    { field: 'person', header: '姓名', aliases: ['姓名', '人员', '派驻人员', 'person', 'name'], type: 'text', required: true, example: '张三' },
    { field: 'titleLevel', header: '职称', aliases: ['职称', '职称级别', 'title', 'titlelevel'], type: 'title', example: '中级' },
    { field: 'profession', header: '专业', aliases: ['专业', '科室', 'profession'], type: 'text', example: '内科' },
    { field: 'fromInstitution', header: '派出单位', aliases: ['派出单位', '派出机构', '支援单位', 'from', 'frominstitution'], type: 'text', required: true, example: 'CH-350524' },
    { field: 'toInstitution', header: '派驻单位', aliases: ['派驻单位', '受援单位', '派驻机构', 'to', 'toinstitution'], type: 'text', example: 'THC-350524100' },
    { field: 'toVillage', header: '派驻村', aliases: ['派驻村', '派驻村代码', 'tovillage'], type: 'text', example: '' },
    { field: 'startDate', header: '开始日期', aliases: ['开始日期', '派驻开始日期', '起始日期', 'start', 'startdate'], type: 'date', required: true, example: '2026-01-01' },
    { field: 'endDate', header: '结束日期', aliases: ['结束日期', '派驻结束日期', '截止日期', 'end', 'enddate'], type: 'date', required: true, example: '2026-06-30' },
    { field: 'release', header: '脱产方式', aliases: ['脱产方式', '是否全脱产', 'release'], type: 'release', example: '全脱产' },
    { field: 'daysPerWeek', header: '每周天数', aliases: ['每周天数', '每周驻点天数', '每周工作天数', 'daysperweek'], type: 'days', example: '5' },
  ],
  townships: [
    { field: 'code', header: '乡镇代码', aliases: ['乡镇代码', '区划代码', '行政区划代码', '统计用区划代码', '代码', 'code', 'xzqdm'], type: 'code9', required: true, example: '350524100' },
    { field: 'name', header: '乡镇名称', aliases: ['乡镇名称', '乡镇', '名称', 'name', 'xzqmc'], type: 'text', required: true, example: '城关镇' },
  ],
  roads: [
    { field: 'name', header: '道路名称', aliases: ['道路名称', '名称', 'name', 'ldmc'], type: 'text', example: 'X123' },
    { field: 'roadClass', header: '道路等级', aliases: ['道路等级', '等级', '公路等级', '行政等级', 'class', 'roadclass', 'highway', 'dldj'], type: 'text', example: '县道' },
    { field: 'speedKmh', header: '限速', aliases: ['限速', '设计速度', '速度', 'speed', 'speedkmh', 'maxspeed'], type: 'number', example: '' },
    { field: 'oneway', header: '单行', aliases: ['单行', '是否单行', 'oneway'], type: 'bool', example: '否' },
    { field: 'bridge', header: '桥梁', aliases: ['桥梁', '是否桥梁', 'bridge'], type: 'bool', example: '否' },
  ],
};

/** Normalises a header for matching: no spaces, units in brackets, case; full-width brackets too. */
export function normHeader(h: string): string {
  return h
    .toLowerCase()
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s_\-:：*＊]/g, '')
    .trim();
}
