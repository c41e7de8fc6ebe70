// The plain-text adapter: any text (or an adapter's structural view of its source) → Document.
// Blocks are the lines of the view; a long line that holds the format's anchors (a report
// crawled onto one line, a table flattened into one line) is cut at those anchors instead.
// Layouts inside tables (tab, pipe, spaces, one cell per line) are told apart by the table
// reader's tokenizer.

import type { Block, Document, DocumentOptions } from './document';
import { inlineBlocks } from './inline';
import { lineBlocks } from './plain/blocks';
import { makeSource } from './source';

export function textDocument(text: string, options: DocumentOptions = {}): Document {
  const source = makeSource(text, options.structure);
  // The view keeps the text's line breaks unless a structural view put its own.
  const lines = lineBlocks(source, options.structure === undefined ? source.lines : undefined);
  let cut = false;
  let blocks: Block[] = lines;
  // An adapter that knows the structure (HTML) has already broken its lines where blocks end.
  const inline = options.structure === undefined;
  for (let i = 0; inline && i < lines.length; i++) {
    const pieces = inlineBlocks(source, lines[i].start, lines[i].end);
    if (!pieces) {
      if (cut) blocks.push(lines[i]);
      continue;
    }
    if (!cut) blocks = lines.slice(0, i);
    cut = true;
    blocks.push(...pieces);
  }
  if (cut) blocks.forEach((b, i) => (b.index = i));
  return {
    source,
    form: options.form ?? (cut ? 'one-line' : 'text'),
    blocks,
    editable: options.editable ?? true,
    origin: options.origin,
  };
}
