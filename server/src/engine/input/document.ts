// The one seam between inputs and readers. An input adapter (plain text in any layout, one-line
// crawled text, an HTML page, the report text rendered from a .docx or .pdf) turns its source into
// a Document; the readers walk its blocks and never look at physical line breaks.
//
// Positions stay the source's own: every span is a UTF-16 offset into `source.text` as written.
// An adapter that knows more structure than the text shows (HTML tags, one-line anchors) says so
// through the *structural view* it passes in: a string of the same length as the text in which
// markup is blanked to spaces, a block boundary is '\n' and a cell boundary is '\t'.

import type { Source, Span } from '../model';

/** The form a report arrived in (what the user has, not how it is laid out inside). */
export type DocumentForm = 'text' | 'one-line' | 'html' | 'docx' | 'pdf';

/** Where a person finds an offset in the original file (1-based numbers, as people count). */
export interface Origin {
  kind: 'text' | 'html' | 'docx' | 'pdf';
  page?: number;
  paragraph?: number;
  /** Table number in the document (1-based), with the row and cell inside it (merged cells expanded). */
  table?: number;
  row?: number;
  cell?: number;
}

/**
 * One logical line: what a reader treats as a heading, a paragraph or a table row. For plain
 * text it is a physical line; for one-line text a piece cut at the format's anchors; for HTML a
 * block element or a table row.
 */
export interface Block extends Span {
  index: number;
  /** Start of the content after indentation, markdown '#'s and bold markers. */
  contentStart: number;
  /** End of the content without trailing whitespace. */
  contentEnd: number;
  /** Markdown heading level (1..6) or null. */
  markdownLevel: number | null;
  blank: boolean;
  /** The block holds cell boundaries ('\t' in the structural view). */
  hasTab: boolean;
}

export interface Document {
  /** The text as written, its normalised view (over the structural view) and positions. */
  source: Source;
  form: DocumentForm;
  blocks: Block[];
  /** False for report text rendered from .docx/.pdf: faces offer no edit on it. */
  editable: boolean;
  /** Where an offset stands in the original file; absent for text and HTML (the offset is the place). */
  origin?: (offset: number) => Origin | null;
}

export interface DocumentOptions {
  form?: DocumentForm;
  /** Structural view: same length as the text; markup as spaces, '\n' between blocks, '\t' between cells. */
  structure?: string;
  editable?: boolean;
  origin?: (offset: number) => Origin | null;
}

/** Index of the block that holds offset (blocks are sorted and do not overlap). */
export function blockAt(blocks: readonly Block[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
