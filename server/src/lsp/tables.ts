// disclosureReport/tables: the report's tables on the official grids, with every cell's value,
// position and findings, for previews in any editor (the VS Code webview is one).

import { tablesPreview } from '../engine/ide/tableGrid';
import type { ServerContext } from './context';
import type { TablesParams, TablesResult } from './protocol';

export async function tables(ctx: ServerContext, params: TablesParams): Promise<TablesResult | null> {
  const s = await ctx.served(params?.textDocument?.uri);
  if (!s) return null;
  const { report, findings } = s.checked.result;
  return { uri: s.doc.uri, version: s.checked.version, ...tablesPreview(report, findings) };
}
