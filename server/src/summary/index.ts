// The folder summary: rows computed per file, and the CSV, JSON and HTML that show them.
export { summaryRow } from './row';
export { summaryCsv } from './csv';
export { summaryJson } from './json';
export { renderSummaryHtml } from './html';
