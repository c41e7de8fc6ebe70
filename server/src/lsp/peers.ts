// disclosureReport/peers: what the check of a document was read against (last year's report, a
// region's members), and where the workspace's report files are.

import type { InitializeParams } from 'vscode-languageserver';
import { REPORT_EXTENSIONS } from '../formats';
import type { ServerContext } from './context';
import type { PeersResult } from './protocol';

/** The files watched for peers: every extension a report is read from (`**\/*.{txt,md,html,htm,docx,pdf}`). */
export const REPORT_FILES_GLOB = `**/*.{${REPORT_EXTENSIONS.map((e) => e.slice(1)).join(',')}}`;

/** The workspace folders the client named (workspaceFolders, else the older rootUri). */
export function workspaceFoldersOf(params: InitializeParams | null | undefined): string[] {
  const folders = Array.isArray(params?.workspaceFolders) ? params.workspaceFolders : [];
  const uris = folders.map((f) => f?.uri).filter((u): u is string => typeof u === 'string');
  if (uris.length === 0 && typeof params?.rootUri === 'string') uris.push(params.rootUri);
  return uris;
}

export async function peers(ctx: ServerContext, params: { textDocument?: { uri?: unknown } } | null): Promise<PeersResult> {
  const s = await ctx.served(params?.textDocument?.uri);
  if (!s) return null;
  const { peers: p, version, uri } = s.checked;
  return { uri, version, previous: p.previous ?? null, members: p.members ?? [] };
}
