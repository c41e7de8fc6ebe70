import type { Report } from '../model';
import { NUM, numberValue, sentenceAt, type Sentence } from './prose-util';
import { defineRule, type RuleContext } from './types';
import { loc } from './util';

// Units a total and its parts may carry; a part must be in the same family as the total.
const FAMILIES: Record<string, string> = {};
for (const u of ['件', '条', '份', '篇', '个', '项', '宗', '起', '部', '本', '册', '期']) FAMILIES[u] = 'doc';
for (const u of ['人', '名', '人次']) FAMILIES[u] = 'person';
for (const u of ['家', '所', '家次']) FAMILIES[u] = 'org';
for (const u of ['场', '批', '次']) FAMILIES[u] = 'event';
FAMILIES['元'] = 'yuan';
FAMILIES['万元'] = 'wanyuan';
const UNIT = '(?:人次|家次|万元|件|条|份|篇|个|项|宗|起|部|本|册|期|人|名|家|所|场|批|次|元)';

/** 「233条，其中」「共14件，其中：」「49 条，包括」 — the total and the word that opens its breakdown. */
const TOTAL_RE = new RegExp(`(?<![\\d.])(${NUM})[ \\t]*(${UNIT})[ \\t]*[,(]?[ \\t]*(?:其中|包括|包含)[ \\t]*:?`, 'g');
const ITEM_DIGITS = new RegExp(`^([^]*?)(?<![\\d.])(\\d+(?:\\.\\d+)?)[ \\t]*(${UNIT})[ \\t]*(等)?$`);
const ITEM_CN = new RegExp(`^([^]*?)([零〇一二两三四五六七八九十百千]+)(${UNIT})(等)?$`);
const NUMBER_AND_UNIT = new RegExp(`\\d[ \\t]*${UNIT}`);
const NESTED = /^(?:其中|包括|包含|含)/;
/** In a comma-separated list, a clause with these words starts a new statement, not another part. */
const CLAUSE_WORDS = /已|均|全部|办结|办理|答复|结转|完成|累计|同比|增长|下降|较上年|占/;
const MAX_ITEM = 60;

interface Part {
  label: string;
  value: number;
  start: number;
  end: number;
  unit: string;
  etc: boolean;
}

function parseItem(view: string, start: number, end: number): Part | null {
  let s = start;
  let e = end;
  while (s < e && (view[s] === ' ' || view[s] === '\t' || view[s] === ':')) s++;
  while (e > s && (view[e - 1] === ' ' || view[e - 1] === '\t')) e--;
  if (e - s === 0 || e - s > MAX_ITEM) return null;
  const t = view.slice(s, e);
  const m = ITEM_DIGITS.exec(t) ?? ITEM_CN.exec(t);
  if (!m) return null;
  const label = m[1];
  if (NUMBER_AND_UNIT.test(label)) return null; // two figures in one item: not a plain list
  const value = numberValue(m[2]);
  if (value === null) return null;
  const ns = label.length; // the number follows the label directly
  return { label, value, start: s + ns, end: s + ns + m[2].length, unit: m[3], etc: m[4] !== undefined };
}

/** Offsets of 其中 and 包, in order (each word searched forward once: linear however many hits). */
function keywordOffsets(view: string): number[] {
  const out: number[] = [];
  for (const word of ['其中', '包']) for (let i = view.indexOf(word); i >= 0; i = view.indexOf(word, i + 1)) out.push(i);
  return out.sort((a, b) => a - b);
}

function format(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

function checkSentence(report: Report, sentence: Sentence, ctx: RuleContext): void {
  const { view } = report.source;
  if (!sentence.view.includes('其中') && !sentence.view.includes('包')) return;
  TOTAL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOTAL_RE.exec(sentence.view))) {
    const total = numberValue(m[1]);
    if (total === null) continue;
    const family = FAMILIES[m[2]];
    const totalSpan = { start: sentence.start + m.index, end: sentence.start + m.index + m[1].length };
    // Split what follows into items at 、 and ，.
    const parts: Part[] = [];
    let listSep: string | null = null;
    let openEnded = false;
    let itemStart = sentence.start + m.index + m[0].length;
    let sepBefore = '';
    for (let i = itemStart; i <= sentence.end; i++) {
      const c = i < sentence.end ? view[i] : '';
      if (i < sentence.end && c !== '、' && c !== ',') continue;
      const k = parts.length;
      const raw = view.slice(itemStart, i).trim();
      let stop = false;
      if (k > 0 && NESTED.test(raw)) stop = true;
      else if (k > 0 && /^等/.test(raw)) {
        openEnded = true;
        stop = true;
      } else {
        const p = parseItem(view, itemStart, i);
        if (!p || FAMILIES[p.unit] !== family) stop = true;
        else if (k === 1) listSep = sepBefore;
        else if (k > 1 && sepBefore !== listSep) stop = true;
        if (!stop && p && k > 0 && listSep === ',' && CLAUSE_WORDS.test(p.label)) stop = true;
        if (!stop && p) {
          parts.push(p);
          if (p.etc) {
            openEnded = true;
            stop = true;
          }
        }
      }
      if (stop) break;
      sepBefore = c;
      itemStart = i + 1;
    }
    if (parts.length < 2) continue;
    let sum = 0;
    let prefixMatches = false;
    for (let k = 0; k < parts.length; k++) {
      sum += parts[k].value;
      // In a comma-separated list a later clause may be a new statement: the first parts adding up is enough.
      if (k >= 1 && listSep === ',' && same(sum, total)) prefixMatches = true;
    }
    if (prefixMatches || same(sum, total)) continue;
    const unit = m[2];
    const terms = parts.map((p) => format(p.value)).join(' + ');
    const mild = openEnded && sum < total;
    ctx.add({
      ...totalSpan,
      severity: mild ? 'information' : undefined,
      message: mild
        ? loc(
            `总数为 ${format(total)}${unit}，其后所列各项之和为 ${format(sum)}（${terms}）；列举以「等」结尾，若还有未列出的项目可忽略，否则请核对`,
            `the total is ${format(total)} but the parts listed add up to ${format(sum)} (${terms}); the list ends with 等 (“etc.”), so check whether parts are missing`,
          )
        : loc(
            `总数为 ${format(total)}${unit}，但其中所列各项之和为 ${format(sum)}（${terms}），两者不一致`,
            `the total is ${format(total)} but the parts listed add up to ${format(sum)} (${terms})`,
          ),
      related: parts.map((p) => ({
        start: p.start,
        end: p.end,
        message: loc(`分项「${p.label.trim()}」${format(p.value)}${p.unit}`, `part “${p.label.trim()}”: ${format(p.value)}`),
      })),
    });
  }
}

export default defineRule({
  id: 'prose-sum',
  defaultSeverity: 'warning',
  caseSeverities: ['information'],
  spec: ['TX8'],
  fixable: false,
  doc: {
    summary: {
      zh: '正文中「共N件，其中a件、b件…」的各分项之和等于总数',
      en: 'In the prose, the parts listed after a total (「共N件，其中a件、b件…」) add up to the total',
    },
    details: {
      zh:
        '年度报告的正文常先写总数，再用「其中」「包括」列出分项，例如「主动公开信息233条，其中工作动态135条、公示公告28条……」。分项之和与总数不符，说明有数字写错或漏列，读者无法判断哪个数字可信。\n\n' +
        '本规则只检查写法明确的列举：总数后紧跟「其中」「包括」，各分项都是「名称+数字+单位」，单位与总数同类（件、条、份、篇……可互相混用，金额须同为元或万元），以「、」或「，」分隔，到句末或第一个不成分项的短语为止；分项中再嵌套「包括」的，另算一组。只列出一项的、前几项之和已等于总数的，不报。数字可写作阿拉伯数字、全角数字或汉字数字（如「五件」）。\n\n' +
        '列举以「等」结尾（开放式列举）且分项之和小于总数时，只作提示；其余情况为警告。诊断标在总数上，相关位置列出各分项。',
      en:
        'Reports often state a total and then list its parts after 其中 (“of which”) or 包括 (“including”). When the parts do not add up to the total, a figure is mistyped or a part is missing, and the reader cannot tell which number to trust.\n\n' +
        'Only unambiguous lists are checked: the total is followed directly by 其中/包括, every part is “name + number + unit” in a unit of the same kind (件, 条, 份, 篇… mix freely; money must be in the same unit), parts are separated by 、 or ，, and the list ends at the end of the sentence or at the first phrase that is not a part. A nested 包括 list is checked on its own. A single part, or a list whose first parts already add up to the total, is not reported. Numbers may be written in ASCII or full-width digits or in Chinese numerals.\n\n' +
        'When the list ends with 等 (“etc.”, open-ended) and the parts add up to less than the total, the finding is only an information; otherwise it is a warning. It sits on the total; the parts are related locations.',
    },
    examples: [
      { bad: '共收到政府信息公开申请5件，其中自然人3件、法人或其他组织3件。', good: '共收到政府信息公开申请5件，其中自然人3件、法人或其他组织2件。' },
    ],
  },
  check(report, ctx) {
    // Only sentences holding 其中 or 包(括/含) can hold a breakdown: find those words, build their sentences.
    const { view } = report.source;
    let done = -1;
    for (const i of keywordOffsets(view)) {
      if (i < done) continue;
      const s = sentenceAt(report, i);
      if (!s) continue;
      done = s.end;
      checkSentence(report, s, ctx);
    }
  },
});
