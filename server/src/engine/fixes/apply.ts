// The one fix applier, shared by the CLI (--fix) and the editor (fix-all).
// Edits are applied back to front so earlier offsets stay valid. An edit whose span no
// longer holds its `expected` text is skipped (the text changed under it), an insertion
// whose text is already there is skipped, a replacement whose result is already in place
// around its span is skipped (so applying a fix twice changes nothing), and overlapping
// edits keep the first one only: a fix never touches text outside its target. Several
// insertions at one offset are all applied, in the order given (exact duplicates once), and
// skipped as a group when they already stand there in that order.

import type { Fix, TextEdit } from '../model';

export interface ApplyResult {
  text: string;
  applied: number;
  skipped: number;
}

/** Whether an insertion of `newText` at `at` would duplicate text that is already there. */
function alreadyInserted(text: string, edit: TextEdit): boolean {
  if (edit.start !== edit.end || edit.newText.length === 0) return false;
  return (
    text.startsWith(edit.newText, edit.start) ||
    (edit.start >= edit.newText.length && text.startsWith(edit.newText, edit.start - edit.newText.length))
  );
}

/**
 * Whether a replacement's result already stands in the text: its new text contains the
 * old text (「1」→「12」, 「##」→「###」, 「…情」→「…情况」), and the text around the span
 * already reads as the new text. Without this, the old text is still found at the span
 * after the first application and the fix would be applied again (「122」).
 */
function alreadyReplaced(text: string, edit: TextEdit): boolean {
  const old = text.slice(edit.start, edit.end);
  if (old === edit.newText) return true;
  for (let k = edit.newText.indexOf(old); k >= 0; k = edit.newText.indexOf(old, k + 1)) {
    if (edit.start - k >= 0 && text.startsWith(edit.newText, edit.start - k)) return true;
  }
  return false;
}

export function editApplies(text: string, edit: TextEdit): boolean {
  if (edit.start < 0 || edit.end > text.length || edit.start > edit.end) return false;
  if (edit.expected !== undefined && text.slice(edit.start, edit.end) !== edit.expected) return false;
  if (edit.start === edit.end) return !alreadyInserted(text, edit);
  return !alreadyReplaced(text, edit);
}

/** Apply the edits of several fixes to text. */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyResult {
  const edits = fixes.flatMap((f) => f.edits);
  return applyEdits(text, edits);
}

/** Whether an equal edit was already chosen (chosen edits are sorted, so look back only over equal starts). */
function isDuplicate(chosen: readonly TextEdit[], e: TextEdit): boolean {
  for (let j = chosen.length - 1; j >= 0 && chosen[j].start === e.start; j--) {
    if (chosen[j].end === e.end && chosen[j].newText === e.newText) return true;
  }
  return false;
}

/**
 * The edits that apply to `text`, in document order: the one selection the CLI's applier and
 * the editor's code actions share (the editor sends the chosen edits as LSP TextEdits).
 */
export function chooseEdits(text: string, edits: readonly TextEdit[]): TextEdit[] {
  // Stable order by position; on ties the earlier-listed edit wins.
  const ordered = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const chosen: TextEdit[] = [];
  let lastEnd = -1;
  // Insertions at one offset that are already there, one after another (a second run of the
  // same fix-all finds 四 then 五 in place): `presentEnd` is where the next one would have to be.
  let presentAt = -1;
  let presentEnd = -1;
  const present = new Set<string>();
  for (const { e } of ordered) {
    if (e.start === e.end && e.newText.length > 0) {
      if (e.start !== presentAt) {
        [presentAt, presentEnd] = [e.start, e.start];
        present.clear();
      }
      if (present.has(e.newText) || text.startsWith(e.newText, presentEnd)) {
        if (!present.has(e.newText)) presentEnd += e.newText.length;
        present.add(e.newText);
        continue;
      }
    }
    if (e.start < lastEnd || isDuplicate(chosen, e) || !editApplies(text, e)) continue;
    chosen.push(e);
    lastEnd = Math.max(lastEnd, e.end);
  }
  return chosen;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): ApplyResult {
  const chosen = chooseEdits(text, edits);
  let out = text;
  for (let k = chosen.length - 1; k >= 0; k--) {
    const e = chosen[k];
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return { text: out, applied: chosen.length, skipped: edits.length - chosen.length };
}
