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
}

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
}

export interface InsertTableResult {
  applied: boolean;
  /** Why nothing was inserted (unknown document, table already present, client refused…). */
  reason?: string;
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
