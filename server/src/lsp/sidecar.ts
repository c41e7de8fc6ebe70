// The sidecar config in the editor: for each open report, the config in force for its folder
// (discovered as the CLI does), re-read when a config file changes (workspace/didChangeWatchedFiles),
// and the quick fix 「在配置中忽略此项」 that adds a finding's fingerprint to it through a WorkspaceEdit
// (the user sees the change and can undo it; the report's text is never touched).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, CreateFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { type Finding, type Lang, LineIndex } from '../engine';
import { addIgnoreEntry, CONFIG_FILE_NAMES, ConfigFinder, fileInConfig, formatProblem, type LoadedConfig, reasonPlaceholder, ReportConfig } from '../config';
import { originalFileUri } from './reportText';

/** Glob patterns the server asks the client to watch. */
export const CONFIG_WATCH_PATTERNS = CONFIG_FILE_NAMES.map((n) => `**/${n}`);

/** What the config means for one open document. */
export interface DocumentConfig {
  /** Part of the check cache key: changes whenever any config may have changed. */
  key: string;
  config: ReportConfig;
  /** The report's file path (fingerprints name it relative to the config's folder). */
  reportPath: string;
  /** Where "Ignore in config" writes: the config in force, else a new one in the workspace folder. */
  target: { file: string; exists: boolean };
}

export class SidecarConfigs {
  private readonly finder = new ConfigFinder();
  private generation = 0;
  private readonly announced = new Set<string>();
  /** Workspace folder paths (initialize), where a new config is created. */
  workspaceFolders: string[] = [];
  /** Client can create files in a WorkspaceEdit (resourceOperations includes "create"). */
  canCreateFiles = false;

  constructor(private readonly connection: Connection) {}

  /** The config of the document at `uri`, or null for documents that are no file (untitled, virtual). */
  forUri(uri: string, lang: Lang): DocumentConfig | null {
    const reportPath = filePathOf(uri);
    if (!reportPath) return null;
    let loaded: LoadedConfig | null;
    try {
      loaded = this.finder.forReport(reportPath);
    } catch {
      loaded = null;
    }
    if (loaded) this.announce(loaded, lang);
    // A config with errors is not in force (its ignores and severities are unknown), as in the CLI.
    const inForce = loaded?.ok ? loaded : null;
    const target = loaded ? { file: loaded.file, exists: true } : { file: path.join(this.folderFor(reportPath), CONFIG_FILE_NAMES[0]), exists: false };
    return { key: `${this.generation}:${inForce?.file ?? ''}`, config: new ReportConfig(inForce, reportPath), reportPath, target };
  }

  /** A config file changed, appeared or went away: read everything again. */
  changed(): void {
    this.finder.clear();
    this.announced.clear();
    this.generation++;
  }

  /** The quick fix's edit: the finding's entry added to the target config (created when missing). */
  ignoreEdit(dc: DocumentConfig, finding: Finding, fingerprint: string, lang: Lang): WorkspaceEdit | null {
    const entry = { fingerprint, rule: finding.ruleId, file: fileInConfig({ dir: path.dirname(dc.target.file) }, dc.reportPath), reason: reasonPlaceholder(lang) };
    const uri = pathToFileURL(dc.target.file).href;
    let text: string | null = null;
    if (dc.target.exists) {
      try {
        text = fs.readFileSync(dc.target.file, 'utf8');
      } catch {
        return null;
      }
    } else if (!this.canCreateFiles) return null;
    const change = addIgnoreEntry(text, entry);
    if (!change) return null;
    const lines = new LineIndex(text ?? '');
    const edit: TextDocumentEdit = {
      textDocument: { uri, version: null },
      edits: change.edits.map((e) => ({
        range: { start: lines.positionAt(e.offset), end: lines.positionAt(e.offset + e.length) },
        newText: e.content,
      })),
    };
    const create: CreateFile = { kind: 'create', uri, options: { ignoreIfExists: true } };
    return { documentChanges: dc.target.exists ? [edit] : [create, edit] };
  }

  /** The workspace folder holding the report (the deepest), else the report's own folder. */
  private folderFor(reportPath: string): string {
    const inside = this.workspaceFolders.filter((f) => {
      const rel = path.relative(f, reportPath);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
    });
    return inside.sort((a, b) => b.length - a.length)[0] ?? path.dirname(reportPath);
  }

  /** Log a config's problems once per reading; an unusable config is also shown to the user. */
  private announce(loaded: LoadedConfig, lang: Lang): void {
    if (this.announced.has(loaded.file) || loaded.problems.length === 0) return;
    this.announced.add(loaded.file);
    const lines = loaded.problems.map((p) => formatProblem(loaded.file, p, lang));
    this.connection.console.warn(lines.join('\n'));
    if (!loaded.ok) {
      const note = lang === 'zh' ? `配置文件有错误，未使用：${lines[0]}` : `The config has errors and is not used: ${lines[0]}`;
      // A notification (window/showMessage), not a request: nothing waits for the user to answer.
      void this.connection.sendNotification('window/showMessage', { type: 2, message: note }).catch(() => undefined);
    }
  }
}

/** The file a document is (a report text: its original file), or null. */
export function filePathOf(uri: string): string | null {
  const fileUri = uri.startsWith('file:') ? uri : originalFileUri(uri);
  if (!fileUri) return null;
  try {
    return fileURLToPath(fileUri);
  } catch {
    return null;
  }
}
