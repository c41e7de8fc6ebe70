// The four arithmetic rules share one checker, which reports the decision of error localization
// (fixes/localize.ts): a cell that uniquely explains broken relations is one finding on that cell,
// with its written and implied value and the relations it breaks; a broken relation that is not
// uniquely explained is reported on its total, with the candidates when several explanations tie.

import type { Cell, Fix, FindingData, Localized, RelatedInfo, Report, Table, TextEdit } from '../model';
import { arithmetic, type Evaluation } from '../relations';
import { localizeReport, type CellChange, type Decision, type Explanation, type Localization } from '../fixes/localize';
import { BALANCE_LABEL, RELATION_RULE_IDS, requestRowSpec, type Relation } from '../schema/tables';
import type { RuleContext } from './types';
import { APPEAL_GROUP_EN, REQUEST_COLUMN_EN, cellTitle, columnTitle, rowTitle } from '../schema/labels';
import { loc } from './util';

/**
 * A summed cell named for a related location, as short as the relation allows: the total's own
 * row or column goes without saying (「自然人 = 5」 in a row total, 「（一）予以公开 = 3」 in a
 * column total). The editor prints the line beside it.
 */
function cellName(c: Cell, ev: Evaluation): Localized {
  const name = (lang: 'zh' | 'en'): string => {
    const sameGroup = c.table === 'appeals' && c.row[0] === ev.at.row[0];
    if (sameGroup || (c.table !== 'appeals' && c.row === ev.at.row)) return columnTitle(c, lang);
    if (c.column === ev.at.column) return rowTitle(ev.table, c, lang);
    return cellTitle(ev.table, c, lang);
  };
  return loc(name('zh'), name('en'));
}

/** Write the number in the digits the cell already uses (full-width stays full-width). */
function digitsLike(n: number, raw: string): string {
  const s = String(n);
  return /[０-９]/.test(raw) ? s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : s;
}

function relationMessage(ev: Evaluation): Localized {
  const sum = arithmetic(ev);
  const at = ev.at;
  const actualZh = ev.actual === null ? '未填写' : `实为 ${ev.actual}`;
  const actualEn = ev.actual === null ? 'it is empty' : `found ${ev.actual}`;
  switch (ev.relation.ruleId) {
    case 'row-total':
      return loc(
        `「${printedRow(at, ev.table)}」的总计应为 ${ev.expected}（${sum.zh}），${actualZh}`,
        `total of row ${at.row} 「${at.rowLabel}」 should be ${ev.expected} (${sum.en}), ${actualEn}`,
      );
    case 'results-total':
      return loc(
        `（七）总计 · ${at.columnLabel} 应为 ${ev.expected}（各项办理结果之和：${sum.zh}），${actualZh}`,
        `(7) total of the results for ${REQUEST_COLUMN_EN[at.column ?? ''] ?? at.column} (${at.column}) should be ${ev.expected} (sum of the results: ${sum.en}), ${actualEn}`,
      );
    case 'balance': {
      const [r1, r2, r24] = ev.terms.map((t) => t.value);
      const r25 = ev.actual ?? 0;
      return loc(
        `${at.columnLabel}列不满足「第一项加第二项之和，等于第三项加第四项之和」：${r1} + ${r2} ≠ ${r24} + ${r25}；按此关系「四、结转下年度继续办理」应为 ${ev.expected}`,
        `column ${at.column} (${REQUEST_COLUMN_EN[at.column ?? ''] ?? at.column}) breaks “1 + 2 = 3 + 4” (new + carried over = results + carried forward): ${r1} + ${r2} ≠ ${r24} + ${r25}; carried forward (4) should be ${ev.expected}`,
      );
    }
    case 'appeals-total':
      return loc(
        `「${at.rowLabel}」的总计应为 ${ev.expected}（${sum.zh}），${actualZh}`,
        `${APPEAL_GROUP_EN[at.row[0]] ?? 'appeals'} total (${at.row}) should be ${ev.expected} (${sum.en}), ${actualEn}`,
      );
  }
}

// ---------------------------------------------------------------- names and phrases

/** The cell's id of spec §9.1: requests/R4/c1, appeals/A5. */
export function cellId(c: Cell): string {
  return c.table === 'appeals' ? `appeals/${c.row}` : `${c.table}/${c.row}/${c.column}`;
}

/** The relation's id: row-total/R1, results-total/c2, balance/c7, appeals-total/A. */
export function relationId(ev: Evaluation): string {
  const r = ev.relation;
  if (r.ruleId === 'row-total') return `row-total/${r.at.row}`;
  if (r.ruleId === 'appeals-total') return `appeals-total/${r.at.row[0]}`;
  return `${r.ruleId}/${r.at.column}`;
}

/** The row as the report prints it: 「（二）部分公开」, 「（三）不予公开 · 1.属于国家秘密」. */
function printedRow(c: Cell, table: Table): string {
  if (c.table !== 'requests') return c.rowLabel;
  const spec = requestRowSpec(table.version, c.row);
  const label = (spec?.label ?? c.rowLabel).replace(/（区分处理的.*$/, '');
  let group = spec?.groupLabel;
  if (!group && spec && /^\d/.test(label)) {
    // Rows 2., 3. … of a group: the group label stands on its first row.
    for (let n = Number(c.row.slice(1)) - 1; n > 0 && !group; n--) group = requestRowSpec(table.version, `R${n}`)?.groupLabel;
  }
  return group && /^\d/.test(label) ? `${group} · ${label}` : label;
}

/** 「（二）部分公开」的自然人 / request row R4 (partly disclosed), natural persons (c1). */
function cellLabel(c: Cell, table: Table): Localized {
  const row = printedRow(c, table);
  if (c.table === 'appeals') {
    return loc(`「${row}」的${c.columnLabel}`, `${APPEAL_GROUP_EN[c.row[0]] ?? 'appeals'} ${APPEAL_EN[c.row.slice(1)] ?? ''} (${c.row})`);
  }
  return loc(`「${row}」的${c.columnLabel}`, `「${row}」 ${REQUEST_COLUMN_EN[c.column ?? ''] ?? c.column} (${c.row} ${c.column})`);
}

const APPEAL_EN: Record<string, string> = { '1': 'upheld', '2': 'corrected', '3': 'other result', '4': 'pending', '5': 'total' };

/** How a relation judges a cell, in a few words: 「所在行的总计」. */
function phrase(ev: Evaluation, c: Cell): Localized {
  switch (ev.relation.ruleId) {
    case 'row-total':
      return c.column === 'c7' ? loc('本行六列之和', 'the sum of its row') : loc('所在行的总计', 'its row’s total');
    case 'results-total':
      return c.row === 'R24' ? loc('本列各项办理结果之和', 'the sum of the results in its column') : loc('所在列的（七）总计', 'its column’s (7) total');
    case 'balance':
      return loc(`本列「${BALANCE_LABEL.zh}」`, `its column’s ${BALANCE_LABEL.en}`);
    case 'appeals-total':
      return c.row.endsWith('5') ? loc('本组四项之和', 'the sum of its group') : loc('本组总计', 'its group’s total');
  }
}

/**
 * A relation named by the cell it totals, in the words the report prints (「一、本年新收政府信息公开申请数量 · 总计」,
 * 「（七）总计 · 自然人」, 「行政复议 · 总计」); the balance by its label, in its order (「一 + 二 = 三（七）+ 四 · 自然人」).
 */
function relationName(ev: Evaluation): Localized {
  if (ev.relation.ruleId === 'balance') {
    return loc(`${BALANCE_LABEL.zh} · ${columnTitle(ev.at, 'zh')}`, `${BALANCE_LABEL.en} · ${columnTitle(ev.at, 'en')} (${ev.at.column})`);
  }
  return loc(cellTitle(ev.table, ev.at, 'zh'), ev.relation.name.en);
}

/** 「一、本年新收政府信息公开申请数量 · 总计：18 ≠ 12 + 3 + 0 + 0 + 1 + 0」, 「一 + 二 = 三（七）+ 四 · 自然人：12 + 1 ≠ 12 + 3」 */
function relationLine(ev: Evaluation): Localized {
  const rel = ev.holds ? '=' : '≠';
  const at = ev.actual === null ? loc('（空）', '(empty)') : loc(String(ev.actual), String(ev.actual));
  const name = relationName(ev);
  if (ev.relation.ruleId === 'balance') {
    const [r1, r2, r24] = ev.terms.map((t) => t.value);
    const s = `${r1} + ${r2} ${rel} ${r24} + ${ev.actual ?? 0}`;
    return loc(`${name.zh}：${s}`, `${name.en}: ${s}`);
  }
  const sum = arithmetic(ev);
  return loc(`${name.zh}：${at.zh} ${rel} ${sum.zh}`, `${name.en}: ${at.en} ${rel} ${sum.en}`);
}

// ---------------------------------------------------------------- edits

/** The edit writing `to` into a cell, or undefined when the cell's place in the text is not safe to write. */
function cellEdit(table: Table, c: Cell, to: number): TextEdit | undefined {
  if (c.raw === '' || c.start === c.end) {
    // An empty cell has a place of its own only between tabs or pipes, and only when no other
    // cell of the table was read at the same offset (a blank row's cells share one).
    if (table.layout !== 'tab' && table.layout !== 'markdown') return undefined;
    if (table.cells.some((o) => o !== c && o.start === c.start)) return undefined;
    return { start: c.start, end: c.end, newText: String(to), expected: '' };
  }
  return { start: c.start, end: c.end, newText: digitsLike(to, c.raw), expected: c.raw };
}

/** The changes of an explanation; a single change beside a broken relation goes by the short name it has there (「自然人」). */
function explanationText(e: Explanation, beside?: Evaluation): Localized {
  const short = beside && e.changes.length === 1 ? beside : undefined;
  const parts = e.changes.map((ch) => {
    const name = short ? cellName(ch.cell, short) : cellLabel(ch.cell, ch.table);
    return loc(`${name.zh}改为 ${ch.to}`, `${name.en} to ${ch.to}`);
  });
  return loc(parts.map((p) => p.zh).join('，'), parts.map((p) => p.en).join(', '));
}

function fixOf(e: Explanation): Fix | undefined {
  const edits: TextEdit[] = [];
  for (const ch of e.changes) {
    const edit = cellEdit(ch.table, ch.cell, ch.to);
    if (!edit) return undefined;
    edits.push(edit);
  }
  const what = explanationText(e);
  return { title: loc(`将${what.zh}`, `Set ${what.en}`), edits };
}

// ---------------------------------------------------------------- findings

const touches = (ev: Evaluation, c: Cell): boolean => ev.at === c || ev.terms.some((t) => t.cell === c);

function changedCellFinding(decision: Decision, change: CellChange, broken: Evaluation[]): Parameters<RuleContext['add']>[0] {
  const { cell, table, from, to } = change;
  const name = cellLabel(cell, table);
  const explanation = decision.explanations[0];
  const phrases = [...new Map(broken.map((ev) => phrase(ev, cell)).map((p) => [p.zh, p])).values()];
  const by = loc(phrases.map((p) => p.zh).join('、'), phrases.map((p) => p.en).join(' and '));
  const n = decision.broken.length;
  const others = explanation.changes.filter((x) => x.cell !== cell);
  const along = others.length === 0 ? loc('', '') : (() => {
    const t = explanationText({ ...explanation, changes: others });
    return loc(`（同时${t.zh}）`, ` (together with ${t.en})`);
  })();
  const holds = n === 1 ? loc('该关系成立', 'the relation holds') : loc(`这 ${n} 个关系都成立`, `all ${n} relations hold`);
  const message =
    from === null
      ? loc(
          `${name.zh}未填写，按${by.zh}应为 ${to}；填入 ${to}${along.zh || ' '}后${holds.zh}`,
          `${name.en} is empty; ${by.en} ${phrases.length > 1 ? 'imply' : 'implies'} ${to}; with ${to}${along.en} ${holds.en}`,
        )
      : loc(
          `${name.zh}很可能填错：写的是 ${from}，按${by.zh}应为 ${to}；改为 ${to}${along.zh || ' '}后${holds.zh}`,
          `${name.en} is probably mistyped: it says ${from}, ${by.en} ${phrases.length > 1 ? 'imply' : 'implies'} ${to}; with ${to}${along.en} ${holds.en}`,
        );
  // Each broken relation with its arithmetic, at its total (or, when that is this cell, at its first part).
  const related: RelatedInfo[] = decision.broken.map((ev) => {
    const where = ev.at === cell ? (ev.terms[0]?.cell ?? cell) : ev.at;
    return { start: where.start, end: where.end, message: relationLine(ev) };
  });
  for (const o of others) {
    const on = cellLabel(o.cell, o.table);
    related.push({ start: o.cell.start, end: o.cell.end, message: loc(`${on.zh}：写的是 ${o.from ?? '（空）'}，应为 ${o.to}`, `${on.en}: says ${o.from ?? '(empty)'}, should be ${o.to}`) });
  }
  const data: FindingData = {
    cells: [cellId(cell)],
    expected: to,
    actual: from,
    relation: broken[0] ? relationId(broken[0]) : undefined,
    relations: decision.broken.map(relationId),
    rows: [printedRow(cell, table)],
    localized: 'unique',
    explanation: explanation.changes.map((x) => ({ cell: cellId(x.cell), actual: x.from, expected: x.to })),
  };
  return { start: cell.start, end: cell.end, message, related, data, fix: fixOf(explanation) };
}

/** Beyond this many parts, a relation's zero parts are summarised (as arithmetic() does in the message). */
const LONG_SUM = 8;

function relationFinding(ev: Evaluation, decision: Decision | undefined): Parameters<RuleContext['add']>[0] {
  let message = relationMessage(ev);
  const data: FindingData = {
    cells: [cellId(ev.at)],
    expected: ev.expected,
    actual: ev.actual,
    relation: relationId(ev),
    rows: [printedRow(ev.at, ev.table)],
    localized: decision?.kind ?? 'none',
  };
  let alternatives: Fix[] | undefined;
  if (decision?.kind === 'tie') {
    const shown = decision.explanations.slice(0, 6);
    const list = shown.map((e) => explanationText(e, ev));
    const more = decision.explanations.length > shown.length;
    message = loc(
      `${message.zh}；无法确定是哪一格填错，${decision.broken.length > 1 ? `这 ${decision.broken.length} 个关系` : '按此关系'}可以${list.map((l) => `将${l.zh}`).join('，或')}${more ? '，等' : ''}`,
      `${message.en}; which cell is wrong cannot be told: ${decision.broken.length > 1 ? `these ${decision.broken.length} relations` : 'the relation'} would hold with ${list.map((l) => l.en).join(', or ')}${more ? ', …' : ''}`,
    );
    alternatives = shown.map(fixOf).filter((f): f is Fix => f !== undefined);
    data.candidates = decision.explanations.map((e) => e.changes.map((x) => ({ cell: cellId(x.cell), actual: x.from, expected: x.to })));
    data.relations = decision.broken.map(relationId);
  }
  return {
    start: ev.at.start,
    end: ev.at.end,
    message,
    // A long sum (（七）总计 adds 21 results) lists the cells that hold something, as its message does.
    related: (ev.terms.length > LONG_SUM ? ev.terms.filter((t) => t.cell.state !== 'number' || t.value !== 0) : ev.terms).map((t) => ({
      start: t.cell.start,
      end: t.cell.end,
      message: (() => {
        const n = cellName(t.cell, ev);
        const v = t.cell.value === null ? '（空）' : String(t.cell.value);
        return loc(`${t.ref.negate ? '减 ' : ''}${n.zh} = ${v}`, `${t.ref.negate ? 'minus ' : ''}${n.en} = ${t.cell.value ?? '(empty)'}`);
      })(),
    })),
    data,
    alternatives: alternatives && alternatives.length > 0 ? alternatives : undefined,
  };
}

/** What each rule reports of one localization: the changed cells it owns and its relations no unique explanation covers. */
interface RuleShare {
  cells: { decision: Decision; change: CellChange; broken: Evaluation[] }[];
  relations: { ev: Evaluation; decision: Decision | undefined }[];
}

const shares = new WeakMap<Localization, Map<Relation['ruleId'], RuleShare>>();

/** The four rules' shares, sorted out once per localization (each of the four asks). */
function sharesOf(localization: Localization): Map<Relation['ruleId'], RuleShare> {
  let out = shares.get(localization);
  if (out) return out;
  const byRule = new Map<Relation['ruleId'], RuleShare>();
  const shareOf = (ruleId: Relation['ruleId']): RuleShare => {
    let share = byRule.get(ruleId);
    if (!share) byRule.set(ruleId, (share = { cells: [], relations: [] }));
    return share;
  };
  // The cells a unique explanation changes: one finding each, from the first rule they break.
  for (const [cell, { decision, change }] of localization.changed) {
    const broken = decision.broken.filter((ev) => touches(ev, cell));
    const theirs = broken.length > 0 ? broken : localization.relations.filter((ev) => touches(ev, cell));
    // Which rule reports a changed cell: the first among the relations it breaks.
    const owner = RELATION_RULE_IDS.find((r) => theirs.some((ev) => ev.relation.ruleId === r));
    if (owner) shareOf(owner).cells.push({ decision, change, broken });
  }
  // Broken relations no unique explanation covers: on their total, as the relation says.
  for (const ev of localization.relations) {
    if (ev.holds) continue;
    const decision = localization.decisionOf.get(ev);
    if (decision?.kind === 'unique') continue;
    shareOf(ev.relation.ruleId).relations.push({ ev, decision });
  }
  shares.set(localization, byRule);
  return byRule;
}

export function checkRelations(report: Report, ctx: RuleContext, ruleId: Relation['ruleId']): void {
  const localization = localizeReport(report, ctx.rules);
  // Every broken relation belongs to a decision: none means the tables add up.
  if (localization.decisions.length === 0) return;
  const share = sharesOf(localization).get(ruleId);
  if (!share) return;
  for (const { decision, change, broken } of share.cells) ctx.add(changedCellFinding(decision, change, broken));
  for (const { ev, decision } of share.relations) ctx.add(relationFinding(ev, decision));
}

/**
 * What the localization decided about one cell, for the hover: the same words as its finding
 * when it is the wrong cell, or the tie it is a candidate of. Null when it is not in question.
 */
export function cellDecision(report: Report, cell: Cell, rules?: RuleContext['rules']): Localized | null {
  const localization = localizeReport(report, rules);
  const hit = localization.changed.get(cell);
  if (hit) return changedCellFinding(hit.decision, hit.change, hit.decision.broken.filter((ev) => touches(ev, cell))).message;
  for (const d of localization.decisions) {
    if (d.kind !== 'tie') continue;
    const mine = d.explanations.filter((e) => e.changes.some((ch) => ch.cell === cell));
    if (mine.length === 0) continue;
    const values = [...new Set(mine.map((e) => e.changes.find((ch) => ch.cell === cell)!.to))];
    return loc(
      `可能填错（${d.explanations.length} 种解释之一）：按相关关系可为 ${values.join(' 或 ')}；无法确定是哪一格，不自动修改`,
      `possibly mistyped (one of ${d.explanations.length} explanations): the relations would hold with ${values.join(' or ')}; which cell is wrong cannot be told, so nothing is changed automatically`,
    );
  }
  return null;
}
