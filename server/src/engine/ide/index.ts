// The editor's knowledge of a report, without any protocol: hover, completion, outline, table
// insertion and report recognition. The LSP handlers (server/src/lsp) only convert these.

export { cellAt, hoverAt, type HoverContent } from './hover';
export { relationLines, type RelationLine } from './relations';
export { COMPLETION_TRIGGERS, completionsAt, rowLabels, type CompletionEntry } from './completion';
export { outline, tableDetail, type OutlineKind, type OutlineNode } from './outline';
export { blockInsertion, planTable, templateLayout, type TablePlan, type TemplateSettings } from './insertion';
export { looksLikeReport, sectionAt, sectionHeadingOffset } from './sections';
