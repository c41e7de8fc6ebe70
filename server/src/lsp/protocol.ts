// The custom protocol between this server and its clients, typed once and shared by both sides
// (client/src imports this file). Plain data only: no imports, so the client bundle pulls in
// nothing of the server (the client and server use different vscode-jsonrpc copies).

/** Sent after every check of a document. */
export interface StatusParams {
  uri: string;
  /** The document version the check ran on. */
  version: number;
  /** Detected reporting year, or null. */
  year: number | null;
  /** Detected format version ('2021' | '2019'), or null. */
  formatVersion: string | null;
  /** Wall-clock time the check took, in milliseconds. */
  durationMs: number;
  /** Number of findings by severity. */
  counts: { error: number; warning: number; information: number; hint: number };
}

/** Server → client notification; params: StatusParams. Client: client.onNotification(StatusNotification.method, (p: StatusParams) => …). */
export const StatusNotification = { method: 'disclosureReport/status' } as const;

/** Client → server request, no params: sizes of the server's per-document state (tests, benchmark). */
export const StatsRequest = { method: 'disclosureReport/stats' } as const;

/**
 * Node options the server runs with (the VS Code client passes them; other editors may). A small
 * young generation and V8's memory-saving mode keep a server with 100 reports open around 70 MB
 * of RSS instead of 86 MB, with check times within measurement noise (npm run bench).
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=2', '--optimize-for-size'];
export interface StatsResult {
  documents: number;
  checks: number;
  settings: number;
  heapUsed: number;
  /** Reports of the workspace folders in the index (the files a report can be paired with). */
  workspaceReports: number;
  /** The index is still reading the workspace. */
  indexing: boolean;
}

/**
 * Client → server request (params PeersParams, result PeersResult): the other reports the check of
 * the document's current version was read against: last year's report of the same body, the
 * members of a region. null when the document is not served as a report. For tests and for
 * clients that want to show the pairing.
 */
export const PeersRequest = { method: 'disclosureReport/peers' } as const;

export interface PeersParams {
  textDocument: { uri: string };
}

/** A peer as the rules see it: its file (a URI; a report text's for .docx/.pdf) and its facts. */
export interface PeerInfo {
  file: string;
  facts: import('../engine/desk/facts').ReportFacts;
}

export type PeersResult = { uri: string; version: number; previous: PeerInfo | null; members: PeerInfo[] } | null;

/**
 * textDocument/diagnostic `identifier` asking for a whole-document check: everything reported,
 * as the CLI does, template content included (the workspace check sends it). Without it the
 * server answers with the editor's view, where untouched template content is quiet.
 */
export const WHOLE_DOCUMENT_DIAGNOSTICS = 'disclosure-report/whole-document';

/**
 * The URI scheme of report texts: the read-only text the checker reads from a .docx or .pdf
 * (`disclosure-report-text:/abs/path/report.docx` for `file:///abs/path/report.docx`). Clients
 * show such a document read-only; the server offers no edit on it.
 */
export const REPORT_TEXT_SCHEME = 'disclosure-report-text';

/**
 * Client → server request: the report text of a file (params ReportTextParams, result
 * ReportTextResult). The server reads the file itself (file: URIs only) and keeps what it read, so
 * the document opened under the returned URI is checked with its map back to the original.
 */
export const ReportTextRequest = { method: 'disclosureReport/reportText' } as const;

export interface ReportTextParams {
  /** The file (file: URI) or its report-text URI. */
  uri: string;
}

export type ReportTextResult =
  | {
      ok: true;
      /** Open this URI (scheme REPORT_TEXT_SCHEME) to see the text checked. */
      uri: string;
      /** What the file was read as. */
      kind: 'text' | 'html' | 'docx' | 'pdf';
      text: string;
    }
  | { ok: false; kind?: 'text' | 'html' | 'docx' | 'pdf'; reason: { zh: string; en: string } };

/** Command ids (workspace/executeCommand). */
export const Commands = {
  insertTable: 'disclosureReport.insertTable',
  newReportSkeleton: 'disclosureReport.newReportSkeleton',
  showRuleDoc: 'disclosureReport.showRuleDoc',
  /** Used by the "fix all" code actions: applies the fixes of one rule (or all rules) server side. */
  fixAll: 'disclosureReport.fixAll',
} as const;

export type TableIdArg = 'proactive' | 'requests' | 'appeals';

/** disclosureReport.insertTable: positional [uri, tableId, position?] or one object. */
export interface InsertTableArgs {
  uri: string;
  tableId: TableIdArg;
  position?: { line: number; character: number };
  /** The report has the table already: replace it with a blank one (without this, nothing is inserted). */
  replace?: boolean;
}

export interface InsertTableResult {
  applied: boolean;
  /** Why nothing was inserted (unknown document, table already present, client refused…). */
  reason?: string;
  /** Set when the report has the table already: where it is. Nothing was inserted. */
  exists?: { range: { start: { line: number; character: number }; end: { line: number; character: number } } };
}

/** disclosureReport.newReportSkeleton: one object; returns the text. */
export interface SkeletonArgs {
  organ: string;
  year: number;
  layout?: 'tab' | 'markdown' | 'cell-per-line';
  fill?: 'blank' | 'zero';
  eol?: '\n' | '\r\n';
}

/** The settings section this server reads (workspace/configuration section 'disclosureReport'). */
export interface DisclosureSettings {
  enable: boolean;
  language: 'auto' | 'zh' | 'en';
  rules: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  template: { fill: 'blank' | 'zero'; layout: 'auto' | 'tab' | 'markdown' };
  plaintext: { detect: boolean };
}

export const DEFAULT_SETTINGS: DisclosureSettings = {
  enable: true,
  language: 'auto',
  rules: {},
  template: { fill: 'blank', layout: 'auto' },
  plaintext: { detect: true },
};

/** data attached to each diagnostic (for its quick fix). */
export interface DiagnosticData {
  ruleId: string;
  version: number;
  fix?: {
    title: { zh: string; en: string };
    edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string; expected?: string }[];
  };
}

/**
 * Client → server request: the document's three tables laid out on the official grids of its
 * format, every cell with its value, range and findings (server/src/engine/ide/tableGrid.ts
 * describes the shape). null when the document is not served as a report.
 */
export const TablesRequest = { method: 'disclosureReport/tables' } as const;

export interface TablesParams {
  textDocument: { uri: string };
}

/** The answer to TablesRequest: the preview model of the document's current version. */
export type TablesResult = { uri: string; version: number } & import('../engine/ide/tableGrid').TablesPreview;
