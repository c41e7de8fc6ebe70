// Ids shared by the manifest (package.json), the client and the extension-host tests.
import { REPORT_TEXT_SCHEME } from '../../server/src/lsp/protocol';

export const LANGUAGE_ID = 'disclosure-report';

/** Commands the client registers (contributed in package.json). The server's own commands
 *  (disclosureReport.insertTable, .newReportSkeleton, .showRuleDoc, .fixAll) are registered by
 *  vscode-languageclient and must not be registered here. */
export const ClientCommands = {
  insertStandardTable: 'disclosureReport.insertStandardTable',
  newReport: 'disclosureReport.newReport',
  checkWorkspace: 'disclosureReport.checkWorkspace',
  showRuleDocumentation: 'disclosureReport.showRuleDocumentation',
  toggle: 'disclosureReport.toggle',
  openAsReport: 'disclosureReport.openAsReport',
  saveReportText: 'disclosureReport.saveReportText',
  previewTables: 'disclosureReport.previewTables',
  exportTablesHtml: 'disclosureReport.exportTablesHtml',
  copyTableTsv: 'disclosureReport.copyTableTsv',
} as const;

/**
 * The custom editors that show a file's report text (package.json contributes.customEditors).
 * A .docx opens in it by default: VS Code shows nothing of a Word file, and in a folder of reports
 * a .docx is a report's draft. A .pdf only on request ("option": Open With…, or 以年报方式打开 in
 * the explorer): PDFs in such a folder are as often scans, notices and attachments that are no
 * report; a PDF viewer the user installed (most register as the default for *.pdf) stays the
 * default instead of VS Code asking which of two defaults to use; and reading a long PDF costs
 * seconds on every open. The workspace check reads PDFs either way.
 */
export const REPORT_FILE_EDITOR = 'disclosureReport.reportFile';
export const REPORT_PDF_EDITOR = 'disclosureReport.reportFilePdf';
export const REPORT_FILE_EDITORS: readonly string[] = [REPORT_FILE_EDITOR, REPORT_PDF_EDITOR];

/** Context key: the active editor holds a document the server checks as a report. */
export const IS_REPORT_CONTEXT = 'disclosureReport.isReport';

/** Schemes whose documents are served: files, unsaved documents, and virtual file systems. */
export const SCHEMES = ['file', 'untitled', 'vscode-vfs'] as const;
export const LANGUAGES = [LANGUAGE_ID, 'plaintext', 'markdown', 'html'] as const;

/** The documents the language server sees. Plain text, markdown and web pages are served only when
 *  they read like a report (the server decides; setting disclosureReport.plaintext.detect); report
 *  texts of .docx/.pdf files (their own read-only scheme) always. */
export const DOCUMENT_SELECTOR: { scheme: string; language?: string }[] = [
  ...LANGUAGES.flatMap((language) => SCHEMES.map((scheme) => ({ scheme, language }))),
  { scheme: REPORT_TEXT_SCHEME },
];

export const TABLE_IDS = ['proactive', 'requests', 'appeals'] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** QuickPick labels of the three tables, per format version (spec §2.3–§2.5, §3.1). */
export function tableChoices(formatVersion: '2021' | '2019'): { id: TableId; zh: string; en: string; detailZh: string; detailEn: string }[] {
  const items = formatVersion === '2019' ? '（一）（五）（六）（八）（九）' : '（一）（五）（六）（八）';
  return [
    {
      id: 'proactive',
      zh: '主动公开政府信息情况',
      en: 'Proactive disclosure',
      detailZh: `第二十条第${items}项 · 第二部分`,
      detailEn: `Article 20 items ${items} · section 二`,
    },
    {
      id: 'requests',
      zh: '收到和处理政府信息公开申请情况',
      en: 'Requests received and handled',
      detailZh: formatVersion === '2019' ? '申请人情况 × 办理结果（23 行）· 第三部分' : '申请人情况 × 办理结果（25 行）· 第三部分',
      detailEn: formatVersion === '2019' ? 'applicants × outcomes (23 rows) · section 三' : 'applicants × outcomes (25 rows) · section 三',
    },
    {
      id: 'appeals',
      zh: '政府信息公开行政复议、行政诉讼情况',
      en: 'Administrative reconsideration and litigation',
      detailZh: '行政复议 5 项 + 行政诉讼 10 项 · 第四部分',
      detailEn: 'reconsideration (5) + litigation (10) · section 四',
    },
  ];
}
