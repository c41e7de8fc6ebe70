// The report model and the engine's public types.
// PURE: nothing under server/src/engine may import vscode or vscode-languageserver.
// Every position is a UTF-16 offset into the original text (a JS string index);
// LineIndex (text/lines.ts) turns offsets into LSP {line, character}.

import type { Document } from './input/document';
import type { LineIndex } from './text/lines';
import type { Place } from './desk/facts';
import type { Peers } from './desk/peers';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Lang = 'zh' | 'en';
export type FormatVersion = '2021' | '2019';
export type TableId = 'proactive' | 'requests' | 'appeals';

/** A message in both languages the product speaks. */
export interface Localized {
  zh: string;
  en: string;
}

/** Half-open span [start, end) of UTF-16 offsets into the original text. */
export interface Span {
  start: number;
  end: number;
}

/** Replace [start, end) with newText. `expected` guards against applying to changed text. */
export interface TextEdit extends Span {
  newText: string;
  /** The text the span must still hold for the edit to apply (the applier checks it). */
  expected?: string;
}

export interface Fix {
  title: Localized;
  edits: TextEdit[];
}

export interface RelatedInfo extends Span {
  message: Localized;
  /**
   * Set when the location is in another report (last year's, a member's): its file as the
   * caller named it, and the place there. start/end then are offsets into that file's text.
   */
  elsewhere?: { file: string } & Place;
}

/**
 * What a finding found, as data: faces (code actions, grouping, JSON `data`, the preview) read
 * this, never the message text. Keys are the rule's own; the common ones are named here.
 */
export interface FindingData {
  /** Cell ids (spec §9.1: `requests/R1/c7`, `appeals/A1`, `proactive/<item>/<row>/<column>`). */
  cells?: string[];
  /** The value the cell (or text) should hold, and what it holds. */
  expected?: number | string | null;
  actual?: number | string | null;
  /** The relation id (spec §7) a finding is about. */
  relation?: string;
  /** Row labels as the template prints them. */
  rows?: string[];
  [key: string]: unknown;
}

/** One finding of one rule: the engine's diagnostic, protocol-free. */
export interface Finding extends Span {
  ruleId: string;
  severity: Severity;
  message: Localized;
  related: RelatedInfo[];
  /** What was found (cell ids, expected/actual, relation): the source of the message. */
  data?: FindingData;
  fix?: Fix;
  /**
   * Candidate fixes when the finding cannot tell which is right (tied explanations): faces offer
   * each as its own quick fix; fix-all never applies them.
   */
  alternatives?: Fix[];
}

/** The text being checked plus the views every reader shares. */
export interface Source {
  /** The original text, never modified. */
  text: string;
  /** Same length as text: full-width digits/letters/brackets mapped to ASCII, U+3000/NBSP/BOM to space. */
  view: string;
  lines: LineIndex;
  /** The document's own line ending, for fixes and inserted templates. */
  eol: '\n' | '\r\n' | '\r';
}

export interface DateValue {
  year: number;
  month: number;
  day: number;
}

export interface DateMention extends Span {
  date: DateValue;
}

export interface StatisticsPeriod extends Span {
  from: DateValue | null;
  to: DateValue | null;
}

export interface Title extends Span {
  /** The title text with line breaks joined (a title split over two lines is common). */
  text: string;
  year: number | null;
  /** Spans of the title's lines (one or two). */
  parts: Span[];
}

export type HeadingNumeralStyle =
  | 'cn-dun' // 一、
  | 'cn-dot' // 一. / 一．
  | 'cn-space' // 一 总体情况
  | 'cn-paren' // （一）
  | 'none';

export type SubsectionStyle =
  | 'cn-paren' // （一）
  | 'arabic-paren' // （1）
  | 'arabic-dun' // 1、
  | 'arabic-dot' // 1.
  | 'cn-dun'; // 一、 (inside a section)

export interface Subsection extends Span {
  /** Span of the numbering marker, e.g. 「（3）」. */
  marker: Span;
  style: SubsectionStyle;
  /** The number the marker says (1-based), or null. */
  number: number | null;
  /** The heading text after the marker. */
  title: string;
  /** Whether the subsection heading stands on a line of its own (a heading) or starts a paragraph. */
  standalone: boolean;
}

export interface Section {
  /** Canonical number 1..6 (which of the six template sections this is). */
  number: 1 | 2 | 3 | 4 | 5 | 6;
  /** Span of the heading line's content (without markdown # and surrounding blanks). */
  heading: Span;
  /** Span of the numeral including its punctuation (「一、」), if any. */
  numeral: Span | null;
  /** The number the numeral says, or null when there is none. */
  writtenNumber: number | null;
  numeralStyle: HeadingNumeralStyle;
  /** Heading text after the numeral, as written. */
  title: string;
  /** Markdown heading level (1..6) or null when not a markdown heading. */
  markdownLevel: number | null;
  /** Start of the markdown hashes (or of the heading) on its line. */
  lineStart: number;
  /** From after the heading line to the next section heading (or end of text). */
  body: Span;
  subsections: Subsection[];
}

export type TableLayout = 'tab' | 'cell-per-line' | 'markdown' | 'spaces';

export interface Cell extends Span {
  table: TableId;
  /** requests: R1..R25; appeals: A1..C5; proactive: the template row label. */
  row: string;
  /** requests: c1..c7; appeals: null; proactive: the template column label. */
  column: string | null;
  /** proactive only: the item, e.g. 第二十条第（一）项. */
  item?: string;
  rowLabel: string;
  columnLabel: string | null;
  /** The cell text as written (empty string for an empty cell). */
  raw: string;
  /** The number read, or null when the cell is empty or not a number. */
  value: number | null;
  state: 'number' | 'empty' | 'invalid';
}

/** Something the parser could not read as the template says. Reported by table-shape. */
export interface ShapeProblem extends Span {
  kind:
    | 'missing-row'
    | 'too-few-cells'
    | 'too-many-cells'
    | 'misaligned-row'
    | 'run-together'
    | 'unknown-row'
    | 'missing-header';
  /** The template row id (R5, A1…, or a proactive row label). */
  row?: string;
  /** The row's label as the template prints it (for messages that list rows). */
  rowLabel?: string;
  /** Values found and cells the template has (too-few / too-many cells). */
  found?: number;
  expected?: number;
  detail: Localized;
  /** information when the text could still be read unambiguously. */
  severity?: Severity;
  related?: RelatedInfo[];
}

/** A label that differs from the template label (read anyway). Reported by label-mismatch. */
export interface LabelProblem extends Span {
  expected: string;
  found: string;
}

export interface Table extends Span {
  id: TableId;
  /** Which template the table follows. */
  version: FormatVersion;
  layout: TableLayout;
  /** False when some row or cell could not be read: arithmetic rules then skip the unread cells. */
  readable: boolean;
  /** 'full': every template cell read; 'partial': some rows unread (the read cells still count); 'none': no cell read. */
  reading: 'full' | 'partial' | 'none';
  /** Every cell read, in reading order. */
  cells: Cell[];
  shapeProblems: ShapeProblem[];
  labelProblems: LabelProblem[];
  /** Spans of the item blocks / row labels found, keyed by template id, for outline and hover. */
  rowSpans: Map<string, Span>;
}

export interface Report {
  source: Source;
  /** What the report was read from: its form, blocks and (for .docx/.pdf) the map to the original. */
  document: Document;
  title: Title | null;
  /** The reporting year: from the title, else from the statistics period, else from the body. */
  year: number | null;
  formatVersion: FormatVersion | null;
  /** Where the 2021 / 2019 format markers were seen (spec §3.5). */
  formatMarkers: { '2021': Span[]; '2019': Span[] };
  statisticsPeriod: StatisticsPeriod | null;
  signingDate: DateMention | null;
  sections: Section[];
  tables: Table[];
  /** The layout most tables use; templates are inserted in it. */
  layout: TableLayout;
}

export interface RuleSettings {
  /** Per-rule severity override, or 'off'. */
  [ruleId: string]: Severity | 'off' | undefined;
}

export interface CheckOptions {
  rules?: RuleSettings;
  /**
   * The editor's view while drafting: what a template put there and nobody has touched yet
   * (blank cells of untouched rows, 「（文字描述）」 in a section still holding only template
   * text) is a hint or silent (templates/quiet.ts). Off for the CLI and the workspace check.
   */
  templateQuiet?: boolean;
  /** Other reports this one is read against (desk/peers.ts); rules comparing reports need them. */
  peers?: Peers;
  /** repeated-text: share of last year's prose above which the report counts as copied (default 0.5). */
  repeatedTextThreshold?: number;
}

export interface CheckResult {
  report: Report;
  findings: Finding[];
  /**
   * Rules that threw on this report and were skipped (the findings may lack theirs). Empty unless
   * a rule has a bug; the CLI prints them, the language server logs them.
   */
  ruleFailures: RuleFailure[];
}

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}
