// Choosing which engine edits to send: the same rules as the engine's applyEdits (stable order,
// skip edits whose `expected` text no longer matches, skip already-made insertions, never two
// overlapping edits), but returning the chosen edits instead of the new text so the editor can
// apply them as minimal LSP TextEdits.

import type { TextEdit as EngineEdit } from '../engine';
import { editApplies } from '../engine/fixes/apply';

export function chooseEdits(text: string, edits: readonly EngineEdit[]): EngineEdit[] {
  const ordered = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  const chosen: EngineEdit[] = [];
  let lastEnd = -1;
  let lastInsertAt = -1;
  for (const { e } of ordered) {
    const overlaps = e.start < lastEnd || (e.start === e.end && e.start === lastInsertAt);
    if (overlaps || !editApplies(text, e)) continue;
    chosen.push(e);
    lastEnd = Math.max(lastEnd, e.end);
    if (e.start === e.end) lastInsertAt = e.start;
  }
  return chosen;
}
