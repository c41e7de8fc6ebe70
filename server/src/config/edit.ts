// Adding an ignore entry to a config's text (the quick fix 「在配置中忽略此项」): the smallest edit,
// in the file's own indentation and line ends, comments kept (jsonc-parser's modify). The faces
// hand the edit to the editor as a WorkspaceEdit, so the user sees it and can undo it.

import { applyEdits, type Edit, modify, parseTree, type ParseError } from 'jsonc-parser';
import type { IgnoredFinding, Lang } from '../engine';

/** What the quick fix writes as the reason, for the reviewer to replace. */
export function reasonPlaceholder(lang: Lang): string {
  return lang === 'zh' ? '（请填写忽略的理由）' : '(why this finding is ignored)';
}

/**
 * The edits that add `entry` to `ignore` of a config's text (null: no file yet, the new text is
 * the whole file). Null when the text cannot be edited safely (it does not parse, or is not an
 * object) or already holds this fingerprint.
 */
export function addIgnoreEntry(text: string | null, entry: IgnoredFinding): { edits: Edit[]; newText: string } | null {
  if (text === null || text.trim() === '') {
    const newText = JSON.stringify({ ignore: [entry] }, null, 2) + '\n';
    return { edits: [{ offset: 0, length: text?.length ?? 0, content: newText }], newText };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length > 0 || !root || root.type !== 'object') return null;
  const ignore = root.children?.find((p) => p.children?.[0]?.value === 'ignore')?.children?.[1];
  if (ignore && ignore.type !== 'array') return null;
  if (ignore?.children?.some((e) => e.children?.some((p) => p.children?.[0]?.value === 'fingerprint' && p.children?.[1]?.value === entry.fingerprint))) {
    return null;
  }
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  const formattingOptions = { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol };
  const edits = ignore
    ? modify(text, ['ignore', -1], entry, { isArrayInsertion: true, formattingOptions })
    : modify(text, ['ignore'], [entry], { formattingOptions });
  return { edits, newText: applyEdits(text, edits) };
}
