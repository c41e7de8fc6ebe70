// Completion of the standard section headings (at the start of a line) and of the template row
// labels of the table that belongs where the cursor is (sections 二, 三, 四).

import { CompletionItemKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver';
import type { FormatVersion, Report, TableId } from '../engine';
import { PROACTIVE, REQUEST_ROWS, APPEAL_HEADER_LABELS } from '../engine/schema/tables';
import { sectionHeading, TABLE_SECTION, versionForYear } from '../engine/templates';
import { sectionAt as sectionAtOffset } from './codeActions';
import type { ServerContext } from './context';

const SECTION_LINE_RE = /^[ \t\u3000]*(?:#{1,6}[ \t]*)?([一二三四五六])[ \t\u3000]*[、.．]/;
const CN = ['', '一', '二', '三', '四', '五', '六'];

function sectionAt(report: Report, offset: number): number | null {
  const sec = sectionAtOffset(report, offset);
  if (sec !== null) return sec;
  // Fallback: the nearest standard heading line above the cursor.
  const lines = report.source.lines;
  for (let i = lines.lineAt(offset); i >= 0; i--) {
    const m = SECTION_LINE_RE.exec(lines.lineText(i));
    if (m) return CN.indexOf(m[1]);
  }
  return null;
}

export function rowLabels(id: TableId, version: FormatVersion): string[] {
  switch (id) {
    case 'proactive': {
      const out = new Set<string>();
      for (const item of PROACTIVE[version]) {
        out.add(item.item);
        out.add('信息内容');
        for (const r of item.rows) out.add(r);
      }
      return [...out];
    }
    case 'requests': {
      const out = new Set<string>();
      for (const r of REQUEST_ROWS[version]) {
        if (r.groupLabel) out.add(r.groupLabel);
        out.add(r.label);
      }
      return [...out];
    }
    case 'appeals':
      return [...new Set<string>(APPEAL_HEADER_LABELS)];
  }
}

export function completionsAt(report: Report, offset: number): CompletionItem[] {
  const lines = report.source.lines;
  const lineNo = lines.lineAt(offset);
  const line = lines.line(lineNo);
  const before = report.source.text.slice(line.start, offset);
  const items: CompletionItem[] = [];
  // What the user has typed of the current cell: after the last tab / pipe, or after the line's indentation.
  const cellStartInLine = Math.max(before.lastIndexOf('\t'), before.lastIndexOf('|')) + 1;
  const lead = /^[ \u3000]*(?:#{1,6}[ \t]*)?/.exec(before.slice(cellStartInLine))![0].length;
  const typedFrom = line.start + cellStartInLine + lead;
  const range = { start: lines.positionAt(typedFrom), end: lines.positionAt(offset) };
  const typed = report.source.text.slice(typedFrom, offset);
  if (typed.length > 60) return [];

  const atLineStart = cellStartInLine === 0;
  if (atLineStart) {
    for (const n of [1, 2, 3, 4, 5, 6] as const) {
      const h = sectionHeading(n);
      items.push({ label: h, kind: CompletionItemKind.Module, sortText: `0${n}`, filterText: h, textEdit: { range, newText: h } });
    }
  }
  const sec = sectionAt(report, offset);
  const version = report.formatVersion ?? versionForYear(report.year);
  (Object.keys(TABLE_SECTION) as TableId[])
    .filter((id) => TABLE_SECTION[id] === sec)
    .forEach((id) => {
      rowLabels(id, version).forEach((label, i) => {
        items.push({
          label,
          kind: CompletionItemKind.Field,
          detail: id,
          sortText: `1${String(i).padStart(3, '0')}`,
          filterText: label,
          textEdit: { range, newText: label },
        });
      });
    });
  return items;
}

export async function completion(ctx: ServerContext, params: CompletionParams): Promise<CompletionItem[]> {
  const s = await ctx.served(params?.textDocument?.uri);
  // Completion inserts text: nothing to offer on a read-only report text.
  if (!s || s.readOnly || !params.position) return [];
  const report = s.checked.result.report;
  return completionsAt(report, report.source.lines.offsetAt(params.position));
}
