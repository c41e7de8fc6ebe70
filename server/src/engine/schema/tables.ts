// The three standard tables (spec §2.3–2.5, §3.1–3.3) and their arithmetic, as data.
// Readers, rules, templates, hover and extract all read these definitions.

import type { FormatVersion, TableId } from '../model';

// ---------------------------------------------------------------- table 1: 第二十条 items

export interface ProactiveItemSpec {
  /** e.g. 第二十条第（一）项 */
  item: string;
  columns: string[];
  rows: string[];
  /** Column kinds: counts are non-negative integers, 'signed' may be negative, 'amount' may have decimals. */
  kinds: ('count' | 'signed' | 'amount')[];
}

export const PROACTIVE: Record<FormatVersion, ProactiveItemSpec[]> = {
  '2021': [
    {
      item: '第二十条第（一）项',
      columns: ['本年制发件数', '本年废止件数', '现行有效件数'],
      rows: ['规章', '行政规范性文件'],
      kinds: ['count', 'count', 'count'],
    },
    { item: '第二十条第（五）项', columns: ['本年处理决定数量'], rows: ['行政许可'], kinds: ['count'] },
    { item: '第二十条第（六）项', columns: ['本年处理决定数量'], rows: ['行政处罚', '行政强制'], kinds: ['count'] },
    { item: '第二十条第（八）项', columns: ['本年收费金额（单位：万元）'], rows: ['行政事业性收费'], kinds: ['amount'] },
  ],
  '2019': [
    {
      item: '第二十条第（一）项',
      columns: ['本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: ['规章', '规范性文件'],
      kinds: ['count', 'count', 'count'],
    },
    {
      item: '第二十条第（五）项',
      columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
      rows: ['行政许可', '其他对外管理服务事项'],
      kinds: ['count', 'signed', 'count'],
    },
    {
      item: '第二十条第（六）项',
      columns: ['上一年项目数量', '本年增/减', '处理决定数量'],
      rows: ['行政处罚', '行政强制'],
      kinds: ['count', 'signed', 'count'],
    },
    { item: '第二十条第（八）项', columns: ['上一年项目数量', '本年增/减'], rows: ['行政事业性收费'], kinds: ['count', 'signed'] },
    { item: '第二十条第（九）项', columns: ['采购项目数量', '采购总金额'], rows: ['政府集中采购'], kinds: ['count', 'amount'] },
  ],
};

// ---------------------------------------------------------------- table 2: 申请 (requests)

export interface RequestRowSpec {
  id: string; // R1..R25
  label: string;
  /** The group label printed before the first row of a group (rowspan in the template). */
  groupLabel?: string;
  /** Detail rows of 三 are summed into （七）总计. */
  detail: boolean;
}

export const REQUEST_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
export const REQUEST_COLUMN_IDS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'] as const;
export const REQUEST_HEADER_LABELS = ['申请人情况', '法人或其他组织'] as const;
export const REQUEST_CHECK_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

const G3 = '三、本年度办理结果';
const rows2021: RequestRowSpec[] = [
  { id: 'R1', label: '一、本年新收政府信息公开申请数量', detail: false },
  { id: 'R2', label: '二、上年结转政府信息公开申请数量', detail: false },
  { id: 'R3', label: '（一）予以公开', groupLabel: G3, detail: true },
  { id: 'R4', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', detail: true },
  { id: 'R5', label: '1.属于国家秘密', groupLabel: '（三）不予公开', detail: true },
  { id: 'R6', label: '2.其他法律行政法规禁止公开', detail: true },
  { id: 'R7', label: '3.危及“三安全一稳定”', detail: true },
  { id: 'R8', label: '4.保护第三方合法权益', detail: true },
  { id: 'R9', label: '5.属于三类内部事务信息', detail: true },
  { id: 'R10', label: '6.属于四类过程性信息', detail: true },
  { id: 'R11', label: '7.属于行政执法案卷', detail: true },
  { id: 'R12', label: '8.属于行政查询事项', detail: true },
  { id: 'R13', label: '1.本机关不掌握相关政府信息', groupLabel: '（四）无法提供', detail: true },
  { id: 'R14', label: '2.没有现成信息需要另行制作', detail: true },
  { id: 'R15', label: '3.补正后申请内容仍不明确', detail: true },
  { id: 'R16', label: '1.信访举报投诉类申请', groupLabel: '（五）不予处理', detail: true },
  { id: 'R17', label: '2.重复申请', detail: true },
  { id: 'R18', label: '3.要求提供公开出版物', detail: true },
  { id: 'R19', label: '4.无正当理由大量反复申请', detail: true },
  { id: 'R20', label: '5.要求行政机关确认或重新出具已获取信息', detail: true },
  {
    id: 'R21',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    groupLabel: '（六）其他处理',
    detail: true,
  },
  { id: 'R22', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', detail: true },
  { id: 'R23', label: '3.其他', detail: true },
  { id: 'R24', label: '（七）总计', detail: false },
  { id: 'R25', label: '四、结转下年度继续办理', detail: false },
];

const rows2019: RequestRowSpec[] = [
  ...rows2021.slice(0, 20),
  { id: 'R21', label: '（六）其他处理', detail: true },
  ...rows2021.slice(23),
];

export const REQUEST_ROWS: Record<FormatVersion, RequestRowSpec[]> = { '2021': rows2021, '2019': rows2019 };

// ---------------------------------------------------------------- table 3: 复议诉讼 (appeals)

export const APPEAL_RESULT_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export const APPEAL_GROUPS = [
  { prefix: 'A', label: '行政复议' },
  { prefix: 'B', label: '行政诉讼 · 未经复议直接起诉' },
  { prefix: 'C', label: '行政诉讼 · 复议后起诉' },
] as const;
export const APPEAL_HEADER_LABELS = ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', ...APPEAL_RESULT_LABELS] as const;
export const APPEAL_CELL_IDS = APPEAL_GROUPS.flatMap((g) => [1, 2, 3, 4, 5].map((i) => `${g.prefix}${i}`));

// ---------------------------------------------------------------- relations

/** A cell address: row id + column id (column null for appeals). */
export interface CellRef {
  row: string;
  column: string | null;
  /** Subtract instead of add (the balance identity is written as R25 = R1 + R2 − R24). */
  negate?: boolean;
}

/**
 * The rules that check the tables' relations, in the order a cell several of them break is
 * reported by (the first).
 */
export const RELATION_RULE_IDS = ['row-total', 'results-total', 'balance', 'appeals-total'] as const;

/** sum(left) must equal sum(right). The flagged cell is `at` (a total the user can correct). */
export interface Relation {
  ruleId: (typeof RELATION_RULE_IDS)[number];
  table: TableId;
  left: CellRef[];
  right: CellRef[];
  /** The cell the finding points at; when it is the only cell of `left`, a fix can set it. */
  at: CellRef;
  /** Short name for messages and hovers. */
  name: { zh: string; en: string };
}

/** The balance of the requests table as people say it, in the order of its label (一 + 二 = 三（七）+ 四). */
export const BALANCE_LABEL = { zh: '一 + 二 = 三（七）+ 四', en: '1 + 2 = 3(7) + 4' } as const;

export function requestRelations(version: FormatVersion): Relation[] {
  const rows = REQUEST_ROWS[version];
  const parts = REQUEST_COLUMN_IDS.slice(0, 6);
  const out: Relation[] = [];
  for (const r of rows) {
    out.push({
      ruleId: 'row-total',
      table: 'requests',
      left: [{ row: r.id, column: 'c7' }],
      right: parts.map((c) => ({ row: r.id, column: c })),
      at: { row: r.id, column: 'c7' },
      name: { zh: `${shortRowName(r)} 总计`, en: `${r.id} total` },
    });
  }
  const details = rows.filter((r) => r.detail);
  for (const c of REQUEST_COLUMN_IDS) {
    const col = REQUEST_COLUMNS[REQUEST_COLUMN_IDS.indexOf(c)];
    out.push({
      ruleId: 'results-total',
      table: 'requests',
      left: [{ row: 'R24', column: c }],
      right: details.map((r) => ({ row: r.id, column: c })),
      at: { row: 'R24', column: c },
      name: { zh: `（七）总计 · ${col}`, en: `(7) total · ${c}` },
    });
    out.push({
      ruleId: 'balance',
      table: 'requests',
      // Carry-over to next year is the figure a drafter derives, so the finding sits on it.
      left: [{ row: 'R25', column: c }],
      right: [
        { row: 'R1', column: c },
        { row: 'R2', column: c },
        { row: 'R24', column: c, negate: true },
      ],
      at: { row: 'R25', column: c },
      name: { zh: `${BALANCE_LABEL.zh} · ${col}`, en: `${BALANCE_LABEL.en} · ${c}` },
    });
  }
  return out;
}

export function appealRelations(): Relation[] {
  return APPEAL_GROUPS.map((g) => ({
    ruleId: 'appeals-total' as const,
    table: 'appeals' as const,
    left: [{ row: `${g.prefix}5`, column: null }],
    right: [1, 2, 3, 4].map((i) => ({ row: `${g.prefix}${i}`, column: null })),
    at: { row: `${g.prefix}5`, column: null },
    name: { zh: `${g.label} 总计`, en: `${g.prefix}5 total` },
  }));
}

/** Short Chinese name of a request row for messages: 「一」「（七）总计」「（三）1」. */
export function shortRowName(row: RequestRowSpec): string {
  return row.label.replace(/（区分处理的.*$/, '').slice(0, 14);
}

export function requestRowSpec(version: FormatVersion, id: string): RequestRowSpec | undefined {
  return REQUEST_ROWS[version].find((r) => r.id === id);
}
