import type { TableId } from '../model';
import { CN_SECTION_NUMERALS } from '../schema/sections';
import { normaliseLayout, renderTable, TABLE_NAMES, TABLE_SECTION, versionForYear } from '../templates';
import { defineRule } from './types';
import { lineSpan, loc, section } from './util';

const ORDER: TableId[] = ['proactive', 'requests', 'appeals'];

export default defineRule({
  id: 'missing-table',
  defaultSeverity: 'error',
  spec: ['S05'],
  fixable: true,
  doc: {
    summary: {
      zh: '三张统计表各出现一次，且位于第二、三、四部分',
      en: 'Each of the three standard tables appears once, in sections two, three and four',
    },
    details: {
      zh: '第二部分填「第二十条第（一）（五）（六）（八）项」主动公开表，第三部分填「收到和处理政府信息公开申请情况」表，第四部分填「政府信息公开行政复议、行政诉讼情况」表。缺表、放错部分或重复出现都会被标出。\n\n缺表时，修复会在该部分标题下插入空白的标准表格（与文稿现有表格的排版一致）。',
      en: 'Section two holds the article-20 proactive-disclosure table, section three the requests table, section four the review-and-litigation table. A missing, misplaced or repeated table is flagged.\n\nFor a missing table the fix inserts the blank standard table under the section heading, in the layout the document’s other tables use.',
    },
  },
  check(report, ctx) {
    const { eol } = report.source;
    for (const id of ORDER) {
      const n = TABLE_SECTION[id];
      const home = section(report, n);
      const found = report.tables.filter((t) => t.id === id);
      const name = TABLE_NAMES[id];
      if (found.length === 0) {
        if (!home) continue; // missing-section speaks first
        const at = lineSpan(report, home.heading.start).end;
        const version = report.formatVersion ?? versionForYear(report.year);
        const table = renderTable(id, version, { layout: normaliseLayout(report.layout), fill: 'blank', eol });
        ctx.add({
          start: home.heading.start,
          end: home.heading.end,
          message: loc(`第${CN_SECTION_NUMERALS[n]}部分缺少「${name.zh}」表`, `section ${n} lacks the table “${name.en}”`),
          data: { table: id, section: n },
          fix: { title: loc(`插入空白的「${name.zh}」表`, `Insert the blank “${name.en}” table`), edits: [{ start: at, end: at, newText: `${eol}${eol}${table}` }] },
        });
        continue;
      }
      const [first, ...extra] = found;
      const owner = report.sections.filter((s) => s.heading.start <= first.start).pop();
      if (home && owner && owner.number !== n) {
        ctx.add({
          start: first.start,
          end: Math.min(first.end, lineSpan(report, first.start).end),
          data: { table: id, section: n },
          message: loc(`「${name.zh}」表应在第${CN_SECTION_NUMERALS[n]}部分，现位于第${CN_SECTION_NUMERALS[owner.number]}部分`, `the “${name.en}” table belongs in section ${n}, found in section ${owner.number}`),
          related: [{ start: home.heading.start, end: home.heading.end, message: loc('应在此部分', 'belongs here') }],
        });
      }
      for (const t of extra) {
        ctx.add({
          start: t.start,
          end: Math.min(t.end, lineSpan(report, t.start).end),
          data: { table: id },
          message: loc(`「${name.zh}」表重复出现`, `the “${name.en}” table appears twice`),
          related: [{ start: first.start, end: Math.min(first.end, lineSpan(report, first.start).end), message: loc('第一次出现在此', 'first occurrence') }],
        });
      }
    }
  },
});
