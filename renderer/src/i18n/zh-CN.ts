/** 简体中文 (default locale). Every user-facing string of the product lives here and in en.ts. */
export const zhCN = {
  app: {
    title: '县域巡诊派驻覆盖规划',
    demoNotice: '示例县为虚构示例数据，仅供演示',
  },
  menu: {
    file: '文件',
    open: '打开项目…',
    openDemo: '打开示例县',
    saveAs: '另存为…',
    quit: '退出',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    zoomToProject: '缩放到项目范围',
    toggleLegend: '显示/隐藏图例',
    language: '语言',
    reload: '重新加载',
    devTools: '开发者工具',
    fullscreen: '全屏',
    analysis: '分析',
    coverage: '覆盖分析',
    print: '打印',
    printMap: '打印地图…',
    help: '帮助',
    about: '关于',
  },
  dialog: {
    openTitle: '打开项目',
    saveAsTitle: '项目另存为',
    gpkgFilter: 'GeoPackage 项目文件',
  },
  errors: {
    INVALID_ARGUMENT: '参数无效：{field}',
    UNKNOWN_METHOD: '未知的操作：{method}',
    UNAUTHORIZED: '访问令牌无效，请使用启动时打印的地址打开',
    NO_PROJECT: '尚未打开项目',
    FILE_NOT_FOUND: '找不到文件：{path}',
    FILE_READ_ONLY: '文件或目录不可写：{path}',
    FILE_EXISTS: '文件已存在：{path}',
    NOT_A_GEOPACKAGE: '不是 GeoPackage 文件：{path}',
    NOT_A_PROJECT: '该 GeoPackage 不是本软件的项目文件（缺少表 {table}）：{path}',
    CORRUPT_FILE: '文件已损坏，无法读取：{path}',
    NEWER_SCHEMA: '项目文件版本 {found} 比本软件支持的版本 {supported} 新，请升级软件：{path}',
    MIGRATION_FAILED: '项目文件升级失败，文件未被修改：{path}（{detail}）',
    WRITE_FAILED: '写入失败，文件未被修改：{path}（{detail}）',
    NOT_FOUND: '未找到要素：{layer} #{id}',
    INTERNAL: '内部错误：{detail}',
  },
  layers: {
    villages: '行政村',
    village_areas: '村域',
    facilities: '医疗机构',
    roads: '道路',
    townships: '乡镇',
  },
  levels: {
    village_clinic: '村卫生室',
    township_hc: '乡镇卫生院',
    community_hc: '社区卫生服务中心',
    sub_center: '县域医疗次中心',
    county_hospital: '县医院',
    county_tcm_hospital: '县中医院',
    city_hospital: '城市医院',
  },
  cli: {
    usage:
      '用法：npm run cli -- <命令>\n' +
      '  new <file.gpkg> [--demo]            新建项目（--demo：写入示例县）\n' +
      '  info <file.gpkg>                    图层要素数、范围、结构版本\n' +
      '  export <file.gpkg> --layer <图层> --format geojson|csv --out <路径>\n' +
      '图层：villages village_areas facilities roads townships postings settings',
    created: '已创建项目：{path}',
    exported: '已导出 {count} 条记录到 {path}',
    unknownCommand: '未知命令：{command}',
    missingArgument: '缺少参数：{name}',
    badOption: '选项 {name} 的值无效：{value}',
    schemaVersion: '结构版本',
    bounds: '范围',
    layer: '图层',
    count: '数量',
  },
};

/** Same keys in every locale; en.ts is checked against this shape. */
export type Messages = typeof zhCN;
