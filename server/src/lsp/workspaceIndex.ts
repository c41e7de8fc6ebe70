// The reports lying in the workspace folders, each as its ReportFacts, so an open report can be
// read beside last year's report of the same body even when that file is not open. Files are read
// with the CLI's adapters (formats/: text and GB18030 detection, HTML, .docx, .pdf; the binary
// forms in a worker with a time and memory limit, binaryReader.ts) and kept by
// mtime + size, so a file is read again only when it changed.
//
// Built lazily (the first check asks for it) and in the background: the scan reads one file at a
// time between the requests it never blocks, and says when it is done (onChanged), so the checks
// that ran without peers can be refreshed. Kept current by workspace/didChangeWatchedFiles.
// Bounded: at most `maxFiles` report files, each at most `maxFileBytes`; what cannot be read (a
// damaged .docx, a scanned PDF, a pipe, a dangling link) is simply not a peer, and is not logged.

import { promises as fsp, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { factsOf, readDocument, type ReportFacts } from '../engine';
import { inputKindOf, isBinaryKind, readDocumentFile } from '../formats';
import { BinaryReader } from './binaryReader';
import { reportTextUri } from './reportText';

export interface IndexLimits {
  /** Report files indexed at most (the rest of a huge workspace is not paired). */
  maxFiles: number;
  /** Larger files are not read. */
  maxFileBytes: number;
  /** Directory entries looked at, at most, while walking the folders. */
  maxVisited: number;
}

export const DEFAULT_INDEX_LIMITS: IndexLimits = { maxFiles: 2000, maxFileBytes: 20 * 1024 * 1024, maxVisited: 200_000 };

/** Folders never searched (as the workspace check's default exclude). */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', 'out', 'dist']);

/** A report is read in the background: a .docx/.pdf that takes longer, or a PDF with more pages, is not a peer. */
const PDF_LIMITS = { maxPages: 200 };
const backgroundReader = new BinaryReader({ timeoutMs: 15_000 });

export interface IndexedFile {
  path: string;
  /** How a peer names it: its file: URI, or for .docx/.pdf the URI of its report text (where positions apply). */
  uri: string;
  mtimeMs: number;
  size: number;
  /** null when the file is not a report we can pair (unreadable, or no organ and no year). */
  facts: ReportFacts | null;
}

/** The facts of a file's report, or null when it cannot be read as one. Never throws. */
export async function readFacts(file: string, bytes: Uint8Array): Promise<ReportFacts | null> {
  try {
    const kind = inputKindOf(file);
    const read = isBinaryKind(kind) ? await backgroundReader.read(bytes, file, kind, PDF_LIMITS) : await readDocumentFile(bytes, file);
    if (!read.ok) return null;
    const facts = factsOf(readDocument(read.document));
    return facts.organKey !== null || facts.year !== null ? facts : null;
  } catch {
    return null;
  }
}

/** The URI a peer in this file is named by (see IndexedFile.uri). */
export function peerUriOf(file: string): string {
  const uri = pathToFileURL(file).href;
  return isBinaryKind(inputKindOf(file)) ? (reportTextUri(uri) ?? uri) : uri;
}

/** The local path of a file: URI, or null. */
export function pathOfFileUri(uri: string): string | null {
  if (!uri.startsWith('file:')) return null;
  try {
    return fileURLToPath(uri);
  } catch {
    return null;
  }
}

export interface FileEvent {
  uri: string;
  /** LSP FileChangeType: 1 created, 2 changed, 3 deleted. */
  type: number;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class WorkspaceIndex {
  private roots: string[] = [];
  private readonly files = new Map<string, IndexedFile>();
  private build: Promise<void> | null = null;
  /** Bumped when the folders change: a scan of the old folders stops. */
  private generation = 0;
  /** File events and scans update the map one at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private scanning = 0;
  /** The workspace held more report files than maxFiles. */
  truncated = false;
  /** Called after the index changed: a scan finished, or file events changed an entry. */
  onChanged: () => void = () => {};

  constructor(
    private readonly limits: IndexLimits = DEFAULT_INDEX_LIMITS,
    private readonly read: (file: string, bytes: Uint8Array) => Promise<ReportFacts | null> = readFacts,
  ) {}

  /** The workspace folders (file: URIs; others are ignored). An index built before is built again. */
  setFolders(uris: readonly string[]): void {
    this.roots = [...new Set(uris.map(pathOfFileUri).filter((p): p is string => p !== null).map((p) => path.resolve(p)))];
    this.generation++;
    for (const file of [...this.files.keys()]) if (!this.isIndexable(file)) this.files.delete(file);
    if (this.build) {
      this.build = null;
      void this.ensureBuilt();
    }
  }

  /** Starts the scan on the first call; the promise resolves when that scan is over. */
  ensureBuilt(): Promise<void> {
    if (!this.build) {
      const generation = this.generation;
      this.scanning++;
      this.build = this.enqueue(() => this.scan(generation))
        .finally(() => this.scanning--)
        .then(
          () => this.notify(),
          () => this.notify(),
        );
    }
    return this.build;
  }

  /** A scan is under way (or waiting to start). */
  get indexing(): boolean {
    return this.scanning > 0;
  }

  /** The indexed files that are reports. */
  reports(): IndexedFile[] {
    return [...this.files.values()].filter((f) => f.facts !== null);
  }

  get size(): number {
    return this.files.size;
  }

  /** workspace/didChangeWatchedFiles: re-read created and changed files, forget deleted ones (and what was below a deleted folder). */
  fileEvents(events: readonly FileEvent[]): Promise<void> {
    return this.enqueue(async () => {
      let changed = false;
      for (const e of events) {
        const file = pathOfFileUri(e.uri);
        if (!file) continue;
        const resolved = path.resolve(file);
        if (e.type === 3) {
          for (const known of [...this.files.keys()]) {
            if (known === resolved || known.startsWith(resolved + path.sep)) changed = this.files.delete(known) || changed;
          }
        } else if (this.isIndexable(resolved)) {
          changed = (await this.update(resolved)) || changed;
        }
      }
      if (changed) this.notify();
    });
  }

  /** Read one file again if it changed on disk (a document was closed: the disk is the truth again). */
  refresh(uri: string): Promise<void> {
    const file = pathOfFileUri(uri);
    if (!file || !this.isIndexable(path.resolve(file))) return Promise.resolve();
    return this.enqueue(async () => {
      if (await this.update(path.resolve(file))) this.notify();
    });
  }

  /** Whether a path is one the index holds: under a folder, not in a skipped folder, a report extension. */
  isIndexable(file: string): boolean {
    if (!inputKindOf(file)) return false;
    return this.roots.some((root) => {
      const rel = path.relative(root, file);
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
      return !rel.split(path.sep).slice(0, -1).some((part) => SKIPPED_FOLDERS.has(part));
    });
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private notify(): void {
    try {
      this.onChanged();
    } catch {
      /* a listener's failure is not the index's */
    }
  }

  private async scan(generation: number): Promise<void> {
    const found = await this.walk(generation);
    for (const file of found) {
      if (generation !== this.generation) return;
      await this.update(file);
    }
  }

  /** The report files under the folders, sorted, at most maxFiles. */
  private async walk(generation: number): Promise<string[]> {
    const found: string[] = [];
    let visited = 0;
    const pending = [...this.roots];
    while (pending.length > 0) {
      if (generation !== this.generation) return [];
      const dir = pending.shift() as string;
      let entries: Dirent[];
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      entries.sort((a, b) => byCodeUnit(a.name, b.name));
      for (const entry of entries) {
        if (++visited > this.limits.maxVisited) {
          this.truncated = true;
          return found;
        }
        const full = path.join(dir, entry.name);
        // Linked folders are not followed (no loops, nothing outside the workspace twice).
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
        } else if ((entry.isFile() || entry.isSymbolicLink()) && inputKindOf(entry.name)) {
          if (found.length >= this.limits.maxFiles) {
            this.truncated = true;
            return found;
          }
          found.push(full);
        }
      }
    }
    return found;
  }

  /** Stat a file and read it when it is new or changed; says whether its entry changed. */
  private async update(file: string): Promise<boolean> {
    const known = this.files.get(file);
    let stat;
    try {
      stat = await fsp.stat(file);
    } catch {
      return this.files.delete(file);
    }
    // Regular files only: a pipe named report.txt would block the read for ever.
    if (!stat.isFile() || stat.size > this.limits.maxFileBytes) return this.files.delete(file);
    if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return false;
    if (!known && this.files.size >= this.limits.maxFiles) {
      this.truncated = true;
      return false;
    }
    let facts: ReportFacts | null = null;
    try {
      facts = await this.read(file, await fsp.readFile(file));
    } catch {
      facts = null;
    }
    this.files.set(file, { path: file, uri: peerUriOf(file), mtimeMs: stat.mtimeMs, size: stat.size, facts });
    return true;
  }
}
