// Code actions: a quick fix per fixable diagnostic, "fix all of this rule", source.fixAll,
// "show rule documentation", and "insert standard table" where a table is missing.

import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { chooseEdits, type Finding, type Lang, type Report, type TableId, type TextEdit as EngineEdit } from '../engine';
import { TABLE_NAMES, TABLE_SECTION } from '../engine/templates';
import type { Served, ServerContext } from './context';
import { SOURCE, toDiagnostic, toRange, toTextEdit } from './convert';
import { planTable, sectionAt } from '../engine/ide';
import { Commands } from './protocol';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
export const INSERT_TABLE_KIND = `${CodeActionKind.Refactor}.insert.${SOURCE}`;

const T = {
  fixAllRule: { zh: (r: string) => `修复全部「${r}」问题`, en: (r: string) => `Fix all ${r} problems` },
  fixAll: { zh: '修复全部可自动修复的问题', en: 'Fix all auto-fixable problems' },
  showDoc: { zh: (r: string) => `查看规则说明：${r}`, en: (r: string) => `Show documentation for ${r}` },
  insertTable: { zh: (n: string) => `插入标准表格：${n}`, en: (n: string) => `Insert standard table: ${n}` },
  ignoreInConfig: { zh: '在配置中忽略此项', en: 'Ignore in config' },
};

/** 「在配置中忽略此项」: the finding's fingerprint added to the sidecar config (the report is not edited). */
function ignoreAction(ctx: ServerContext, s: Served, finding: Finding, d: Diagnostic): CodeAction | null {
  const fingerprint = s.checked.fingerprints?.get(finding);
  const desk = s.checked.desk;
  if (!fingerprint || !desk) return null;
  const edit = ctx.sidecars.ignoreEdit(desk, finding, fingerprint, s.lang);
  return edit ? { title: T.ignoreInConfig[s.lang], kind: CodeActionKind.QuickFix, diagnostics: [d], edit } : null;
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
}

function workspaceEdit(s: Served, edits: EngineEdit[]): WorkspaceEdit {
  const lines = s.checked.result.report.source.lines;
  return {
    documentChanges: [{ textDocument: { uri: s.doc.uri, version: s.doc.version }, edits: edits.map((e) => toTextEdit(lines, e)) }],
  };
}

/** Which table a missing-table finding is about: its data, else the section it points into. */
export function missingTableId(report: Report, f: Finding): TableId | null {
  const named = f.data?.table;
  if (named === 'proactive' || named === 'requests' || named === 'appeals') return named;
  const sec = sectionAt(report, f.start);
  for (const id of Object.keys(TABLE_SECTION) as TableId[]) if (TABLE_SECTION[id] === sec) return id;
  return null;
}

function wanted(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export async function codeActions(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const s = await ctx.served(params?.textDocument?.uri);
  if (!s) return [];
  const { report, findings } = s.checked.result;
  const text = report.source.text;
  const lines = report.source.lines;
  const lang: Lang = s.lang;
  const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
  const actions: CodeAction[] = [];
  // A read-only report text (.docx/.pdf) gets no edit at all: only the rule pages.
  const editable = !s.readOnly;

  // A missing table is inserted per the template settings (fill, layout); other fixes come from the engine.
  const editsOf = (f: Finding): EngineEdit[] => {
    if (f.ruleId === 'missing-table' && f.fix) {
      const id = missingTableId(report, f);
      const plan = id ? planTable(report, id, s.settings.template, s.doc.languageId === 'markdown') : null;
      if (plan?.kind === 'insert') return [plan.edit];
    }
    return f.fix?.edits ?? [];
  };
  const fixableOf = (ruleId: string): Finding[] => findings.filter((f) => f.ruleId === ruleId && editsOf(f).length > 0);

  if (wanted(only, CodeActionKind.QuickFix)) {
    const diagnostics = (Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : []).filter(
      (d) => d && d.source === SOURCE && typeof d.code === 'string' && d.range,
    );
    const rulesDone = new Set<string>();
    for (const d of diagnostics) {
      const ruleId = d.code as string;
      const finding = editable ? findings.find((f) => f.ruleId === ruleId && sameRange(toRange(lines, f), d.range)) : undefined;
      if (finding?.fix) {
        const edits = chooseEdits(text, editsOf(finding));
        if (edits.length > 0) {
          actions.push({
            title: finding.fix.title[lang],
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: true,
            edit: workspaceEdit(s, edits),
          });
        }
      } else if (finding?.alternatives) {
        // Tied explanations: each candidate its own quick fix, none preferred, none in fix-all.
        for (const alt of finding.alternatives) {
          const edits = chooseEdits(text, alt.edits);
          if (edits.length > 0) actions.push({ title: alt.title[lang], kind: CodeActionKind.QuickFix, diagnostics: [d], edit: workspaceEdit(s, edits) });
        }
      } else if (finding && ruleId === 'missing-table') {
        const id = missingTableId(report, finding);
        const plan = id ? planTable(report, id, s.settings.template, s.doc.languageId === 'markdown') : null;
        if (id && plan?.kind === 'insert') {
          actions.push({
            title: T.insertTable[lang](TABLE_NAMES[id][lang]),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            isPreferred: true,
            edit: workspaceEdit(s, [plan.edit]),
          });
        }
      }
      // Offered on read-only report texts too: it edits the config beside the report, never the report.
      const shown = findings.find((f) => f.ruleId === ruleId && sameRange(toRange(lines, f), d.range) && f.message[lang] === d.message) ?? findings.find((f) => f.ruleId === ruleId && sameRange(toRange(lines, f), d.range));
      const ignore = shown ? ignoreAction(ctx, s, shown, d) : null;
      if (ignore) actions.push(ignore);
      if (rulesDone.has(ruleId)) continue;
      rulesDone.add(ruleId);
      const all = editable ? fixableOf(ruleId) : [];
      if (all.length > 1) {
        const edits = chooseEdits(text, all.flatMap(editsOf));
        if (edits.length > 0) {
          actions.push({
            title: T.fixAllRule[lang](ruleId),
            kind: CodeActionKind.QuickFix,
            diagnostics: all.map((f) => toDiagnostic(f, lines, s.doc.uri, lang, s.doc.version)),
            edit: workspaceEdit(s, edits),
          });
        }
      }
      actions.push({
        title: T.showDoc[lang](ruleId),
        kind: CodeActionKind.QuickFix,
        command: { title: T.showDoc[lang](ruleId), command: Commands.showRuleDoc, arguments: [ruleId] },
      });
    }
  }

  if (editable && wanted(only, FIX_ALL_KIND)) {
    const edits = chooseEdits(text, findings.flatMap(editsOf));
    if (edits.length > 0) actions.push({ title: T.fixAll[lang], kind: FIX_ALL_KIND, edit: workspaceEdit(s, edits) });
  }

  // At the cursor: offer the standard table of the section the cursor is in, when it is missing.
  if (editable && wanted(only, INSERT_TABLE_KIND) && params.range) {
    const at = lines.offsetAt(params.range.start);
    const sec = sectionAt(report, at);
    for (const id of Object.keys(TABLE_SECTION) as TableId[]) {
      if (TABLE_SECTION[id] !== sec || report.tables.some((t) => t.id === id)) continue;
      const lineText = lines.lineText(lines.lineAt(at));
      const plan = planTable(report, id, s.settings.template, s.doc.languageId === 'markdown', lineText.trim() === '' ? at : undefined);
      if (plan.kind !== 'insert') continue;
      actions.push({
        title: T.insertTable[lang](TABLE_NAMES[id][lang]),
        kind: INSERT_TABLE_KIND,
        edit: workspaceEdit(s, [plan.edit]),
      });
    }
  }
  return actions;
}
