// Completion of the standard section headings (at the start of a line) and of the row labels of
// the table that belongs where the cursor is (sections 二, 三, 四). It also answers while the user
// types: after 「（」 (a row label such as 「（七）总计」) and after a section numeral at the start
// of a line (「三」 → 「三、收到和处理政府信息公开申请情况」).

import type { FormatVersion, Lang, Report, Span, TableId } from '../model';
import { TABLE_TITLES } from '../schema/labels';
import { APPEAL_HEADER_LABELS, PROACTIVE, REQUEST_ROWS } from '../schema/tables';
import { sectionHeading, TABLE_SECTION, versionForYear } from '../templates';
import { sectionAt } from './sections';

/** Characters after which the editor asks for completions without Ctrl+Space. */
export const COMPLETION_TRIGGERS = ['（', '一', '二', '三', '四', '五', '六'];

const SECTION_NUMERALS = '一二三四五六';

export interface CompletionEntry {
  label: string;
  kind: 'heading' | 'row';
  /** What the entry is, in words: 「部分标题」, 「申请情况表 · 行标签」. */
  detail: string;
  sortText: string;
  /** What the user typed of it: replaced by newText. */
  span: Span;
  newText: string;
}

export function rowLabels(id: TableId, version: FormatVersion): string[] {
  const out = new Set<string>();
  switch (id) {
    case 'proactive':
      for (const item of PROACTIVE[version]) {
        out.add(item.item);
        out.add('信息内容');
        for (const r of item.rows) out.add(r);
      }
      break;
    case 'requests':
      for (const r of REQUEST_ROWS[version]) {
        if (r.groupLabel) out.add(r.groupLabel);
        out.add(r.label);
      }
      break;
    case 'appeals':
      for (const l of APPEAL_HEADER_LABELS) out.add(l);
  }
  return [...out];
}

/**
 * The completions at offset. `trigger`: the character that asked for them while typing; then
 * only a cell or line that starts with it gets an answer (not 「（」 in the middle of a sentence).
 */
export function completionsAt(report: Report, offset: number, lang: Lang, trigger?: string): CompletionEntry[] {
  const { text } = report.source;
  const lines = report.source.lines;
  const line = lines.line(lines.lineAt(offset));
  const before = text.slice(line.start, offset);
  // What the user has typed of the current cell: after the last tab / pipe, or after the line's indentation.
  const cellStartInLine = Math.max(before.lastIndexOf('\t'), before.lastIndexOf('|')) + 1;
  const lead = /^[ \u3000]*(?:#{1,6}[ \t]*)?/.exec(before.slice(cellStartInLine))![0].length;
  const typedFrom = line.start + cellStartInLine + lead;
  const typed = text.slice(typedFrom, offset);
  if (typed.length > 60) return [];
  if (trigger !== undefined && typed !== trigger) return [];
  const atLineStart = cellStartInLine === 0;
  if (trigger !== undefined && SECTION_NUMERALS.includes(trigger) && !atLineStart) return [];

  // The editor closes 「（」 by itself: the 「）」 it put after the cursor belongs to what is replaced.
  const autoClosed = typed.startsWith('（') && !typed.includes('）') && text[offset] === '）';
  const span = { start: typedFrom, end: autoClosed ? offset + 1 : offset };
  const zh = lang === 'zh';
  const items: CompletionEntry[] = [];
  if (atLineStart) {
    for (const n of [1, 2, 3, 4, 5, 6] as const) {
      const h = sectionHeading(n);
      items.push({ label: h, kind: 'heading', detail: zh ? `第${SECTION_NUMERALS[n - 1]}部分标题` : `heading of section ${n}`, sortText: `0${n}`, span, newText: h });
    }
  }
  const sec = sectionAt(report, offset);
  const version = report.formatVersion ?? versionForYear(report.year);
  for (const id of Object.keys(TABLE_SECTION) as TableId[]) {
    if (TABLE_SECTION[id] !== sec) continue;
    const table = TABLE_TITLES[id];
    const detail = zh ? `${table.shortZh} · 行标签` : `${table.shortEn} · row label`;
    rowLabels(id, version).forEach((label, i) => {
      items.push({ label, kind: 'row', detail, sortText: `1${String(i).padStart(3, '0')}`, span, newText: label });
    });
  }
  // Typed by a trigger: only what can start with it.
  return trigger === undefined ? items : items.filter((it) => it.label.startsWith(trigger));
}
