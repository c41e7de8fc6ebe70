// The plain-text adapter: any text (or an adapter's structural view of its source) → Document.
// Layouts inside tables (tab, pipe, spaces, one cell per line) are told apart by the table reader's
// tokenizer; here only the blocks are cut.

import type { Document, DocumentOptions } from './document';
import { lineBlocks } from './plain/blocks';
import { makeSource } from './source';

export function textDocument(text: string, options: DocumentOptions = {}): Document {
  const source = makeSource(text, options.structure);
  return {
    source,
    form: options.form ?? 'text',
    blocks: lineBlocks(source),
    editable: options.editable ?? true,
    origin: options.origin,
  };
}
