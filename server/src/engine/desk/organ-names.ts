// Common names of government bodies and the other forms titles give them, so that
// 「北关区工信局」 and 「北关区工业和信息化局」 pair as one body. Each entry is the full name and
// the forms replaced by it inside an organ name (short forms, 与 for 和, the name without 和).
// Only the body's own name is listed: the place before it (市, 县, 区…) is kept as written.
// A rename the table cannot know (经信局 → 工信局) belongs in the config's `organs` aliases.

export interface OrganName {
  full: string;
  forms: string[];
}

export const ORGAN_NAMES: readonly OrganName[] = [
  { full: '工业和信息化局', forms: ['工信局', '工业与信息化局', '工业信息化局'] },
  { full: '工业和信息化厅', forms: ['工信厅', '工业与信息化厅', '工业信息化厅'] },
  { full: '发展和改革委员会', forms: ['发改委', '发展改革委', '发展与改革委员会', '发展改革委员会'] },
  { full: '发展和改革局', forms: ['发改局', '发展改革局', '发展与改革局'] },
  { full: '人力资源和社会保障局', forms: ['人社局', '人力资源社会保障局', '人力资源与社会保障局', '人力社保局'] },
  { full: '人力资源和社会保障厅', forms: ['人社厅', '人力资源社会保障厅', '人力资源与社会保障厅'] },
  { full: '市场监督管理局', forms: ['市场监管局'] },
  { full: '自然资源和规划局', forms: ['自然资源规划局', '自然资源与规划局', '资规局'] },
  { full: '生态环境局', forms: ['生态环境保护局'] },
  { full: '住房和城乡建设局', forms: ['住建局', '住房城乡建设局', '住房与城乡建设局'] },
  { full: '住房和城乡建设厅', forms: ['住建厅', '住房城乡建设厅', '住房与城乡建设厅'] },
  { full: '住房和城乡建设委员会', forms: ['住建委', '住房城乡建设委员会', '住房城乡建设委'] },
  { full: '教育体育局', forms: ['教体局', '教育和体育局', '教育与体育局'] },
  { full: '卫生健康委员会', forms: ['卫健委', '卫生和健康委员会', '卫生健康委'] },
  { full: '卫生健康局', forms: ['卫健局', '卫生和健康局'] },
  { full: '文化和旅游局', forms: ['文旅局', '文化旅游局', '文化与旅游局'] },
  { full: '文化广电和旅游局', forms: ['文广旅局', '文化广电旅游局', '文化广电与旅游局'] },
  { full: '农业农村局', forms: ['农业和农村局', '农业与农村局'] },
  { full: '交通运输局', forms: ['交通局'] },
  { full: '科学技术局', forms: ['科技局'] },
  { full: '应急管理局', forms: ['应急局'] },
  { full: '医疗保障局', forms: ['医保局'] },
  { full: '退役军人事务局', forms: ['退役军人局'] },
  { full: '民族宗教事务局', forms: ['民宗局'] },
  { full: '城市管理局', forms: ['城管局'] },
  { full: '行政审批服务局', forms: ['行政审批局', '审批局'] },
  { full: '政务服务和大数据管理局', forms: ['政务服务大数据管理局', '政数局'] },
  { full: '人民政府办公室', forms: ['政府办公室', '政府办'] },
  { full: '人民政府', forms: ['政府'] },
];
