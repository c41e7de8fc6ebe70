// The webview's HTML document: a strict Content-Security-Policy (nothing but our own nonce'd
// style and script; no network, no remote fonts), the toolbar, and the body from the shared
// renderer. No vscode import, so the policy is unit-tested in node.
import { escapeHtml, htmlPage, PREVIEW_CSS } from '../../../server/src/preview/tablesHtml';

export interface ShellOptions {
  /** webview.cspSource: the origin the webview may load our own script from. */
  cspSource: string;
  nonce: string;
  /** webview.asWebviewUri of client/out/preview.js. */
  scriptUri: string;
  lang: 'zh' | 'en';
  /** The first body (the script replaces it on each update). */
  body: string;
  version: number;
}

const TOOLBAR = {
  zh: { export: '导出为 HTML 文件', exportLabel: '将表格导出为独立的 HTML 文件', loading: '正在读取表格…' },
  en: { export: 'Export as HTML', exportLabel: 'Export the tables as a self-contained HTML file', loading: 'Reading the tables…' },
} as const;

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

/** Webview-only style: the floating tooltip, the toolbar, visible keyboard focus. */
const WEBVIEW_CSS = `
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; justify-content: flex-end; gap: 8px; padding: 4px 0;
  background: var(--vscode-editor-background); }
button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground);
  border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 2px 8px; cursor: pointer; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
:focus-visible { outline: 2px solid var(--vscode-focusBorder); outline-offset: 1px; }
/* A focused cell shows the focus ring even when it is marked (its mark keeps its colour and icon). */
td.value:focus-visible { outline: 3px solid var(--vscode-focusBorder); outline-offset: 0; }
td.value { cursor: pointer; }
h2[id^="table-"] { scroll-margin-top: 40px; }
.sec-title[data-section] { cursor: pointer; text-decoration: underline dotted; }
#tooltip { position: fixed; z-index: 10; max-width: 34em; white-space: pre-wrap; padding: 6px 8px; pointer-events: none;
  color: var(--vscode-editorHoverWidget-foreground); background: var(--vscode-editorHoverWidget-background);
  border: 1px solid var(--vscode-editorHoverWidget-border); border-radius: 3px; box-shadow: 0 2px 8px var(--vscode-widget-shadow); }
#tooltip[hidden] { display: none; }
`;

export function webviewHtml(o: ShellOptions): string {
  const t = TOOLBAR[o.lang];
  return htmlPage({
    lang: o.lang,
    policy: contentSecurityPolicy(o.cspSource, o.nonce),
    style: PREVIEW_CSS + WEBVIEW_CSS,
    styleNonce: o.nonce,
    body: [
      '',
      `<div class="toolbar"><button type="button" id="export" aria-label="${escapeHtml(t.exportLabel)}">${t.export}</button></div>`,
      `<main id="preview" data-version="${o.version}" aria-live="off">${o.body || `<p class="note">${t.loading}</p>`}</main>`,
      '<div id="tooltip" role="tooltip" hidden></div>',
      `<script nonce="${o.nonce}" src="${escapeHtml(o.scriptUri)}"></script>`,
      '',
    ].join('\n'),
  });
}
