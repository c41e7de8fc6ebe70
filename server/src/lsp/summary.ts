// disclosureReport/summary: the folder summary's rows of a list of documents, for a summary
// panel in any editor (the VS Code workspace check opens one). Open documents use their cached
// whole-document check; the others are read from disk and checked as the CLI checks them.

import { promises as fsp } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkDocument, type Localized, ruleById } from '../engine';
import { looksLikeReport } from '../engine/ide';
import { readDocumentFile } from '../formats';
import { summaryRow, type SummaryRow } from '../summary/row';
import type { ServerContext } from './context';
import type { SummaryParams, SummaryResult } from './protocol';
import { MAX_REPORT_FILE_BYTES } from './reportText';

export async function summaryRows(ctx: ServerContext, params: SummaryParams | null): Promise<SummaryResult> {
  const uris = Array.isArray(params?.uris) ? params.uris.filter((u): u is string => typeof u === 'string') : [];
  const rows: SummaryRow[] = [];
  for (const uri of uris) {
    const served = await ctx.served(uri, true);
    if (served) {
      rows.push(summaryRow(uri, served.checked.result, served.lang));
      continue;
    }
    // Open but not served: not a report (or checking is off there).
    if (ctx.documents.get(uri)) continue;
    const row = await rowFromFile(ctx, uri);
    if (row) rows.push(row);
  }
  const rules: Record<string, Localized> = {};
  for (const r of rows) {
    for (const id of Object.keys(r.byRule)) {
      const rule = ruleById(id);
      if (rule) rules[id] = rule.doc.summary;
    }
  }
  return { rows, rules };
}

/** The row of a file that is not open (the client may have let it go since it was checked). */
async function rowFromFile(ctx: ServerContext, uri: string): Promise<SummaryRow | null> {
  if (!uri.startsWith('file:')) return null;
  const settings = await ctx.settings.get(uri);
  if (!settings.enable) return null;
  try {
    const file = fileURLToPath(uri);
    const stat = await fsp.stat(file);
    if (!stat.isFile() || stat.size > MAX_REPORT_FILE_BYTES) return null;
    const read = await readDocumentFile(await fsp.readFile(file), file);
    if (!read.ok || !looksLikeReport(read.document.source.view)) return null;
    // The sidecar config applies as to an open document: its severities, and its ignores not counted.
    const lang = ctx.lang(settings);
    const desk = ctx.sidecars.forUri(uri, lang);
    const base = { rules: settings.rules };
    const result = checkDocument(read.document, desk ? desk.config.options(base) : base);
    return summaryRow(uri, desk ? { ...result, findings: desk.config.suppress(result).findings } : result, lang);
  } catch {
    return null;
  }
}
