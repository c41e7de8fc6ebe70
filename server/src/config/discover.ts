// Finding and loading the sidecar config, like other linters: from a report's folder up to the
// filesystem root, the nearest folder holding `.disclosure-report.json` (or `.jsonc`) wins. Both
// the folder lookups and the parsed files are cached, so a folder of a thousand reports reads its
// config once; `clear()` forgets everything (the language server calls it when a config changes).

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DeskConfig, Localized } from '../engine';
import { type ConfigProblem, parseConfig } from './parse';
import { CONFIG_FILE_NAMES } from './schema';

export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Its folder: the `file` of an ignore entry, and of aggregates, is relative to it. */
  dir: string;
  /** The settings (empty when the file has errors). */
  config: DeskConfig;
  problems: ConfigProblem[];
  /** No error: the file is in force (warnings may remain). */
  ok: boolean;
}

/** What the finder needs of a file system (tests and the language server may hand their own). */
export interface ConfigFileSystem {
  isFile(file: string): boolean;
  readText(file: string): string;
}

export const nodeFileSystem: ConfigFileSystem = {
  isFile: (file) => {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  readText: (file) => fs.readFileSync(file, 'utf8'),
};

export class ConfigFinder {
  /** Folder → the config file in force there (null: none up to the root). */
  private readonly nearest = new Map<string, string | null>();
  private readonly loaded = new Map<string, LoadedConfig>();

  constructor(private readonly fsys: ConfigFileSystem = nodeFileSystem) {}

  /** The nearest config file at or above `dir`, or null. */
  findFile(dir: string): string | null {
    const start = path.resolve(dir);
    const visited: string[] = [];
    let found: string | null = null;
    for (let d = start; ; d = path.dirname(d)) {
      const cached = this.nearest.get(d);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      visited.push(d);
      const here = CONFIG_FILE_NAMES.map((n) => path.join(d, n)).find((f) => this.fsys.isFile(f));
      if (here) {
        found = here;
        break;
      }
      if (path.dirname(d) === d) break; // the filesystem root
    }
    for (const d of visited) this.nearest.set(d, found);
    return found;
  }

  /** The config in force for a report file (discovered from its folder), or null when there is none. */
  forReport(reportFile: string): LoadedConfig | null {
    const file = this.findFile(path.dirname(path.resolve(reportFile)));
    return file ? this.load(file) : null;
  }

  /** Read and check one config file (cached until clear()). */
  load(configFile: string): LoadedConfig {
    const file = path.resolve(configFile);
    const cached = this.loaded.get(file);
    if (cached) return cached;
    let result: LoadedConfig;
    try {
      // A BOM is read as a space, so offsets (and columns in messages) stay those of the file.
      const text = this.fsys.readText(file).replace(/^\uFEFF/, ' ');
      const { config, problems } = parseConfig(text);
      result = { file, dir: path.dirname(file), config, problems, ok: !problems.some((p) => p.severity === 'error') };
    } catch (err) {
      result = { file, dir: path.dirname(file), config: {}, problems: [wholeFileProblem(readFailure(err))], ok: false };
    }
    this.loaded.set(file, result);
    return result;
  }

  clear(): void {
    this.nearest.clear();
    this.loaded.clear();
  }
}

/** A problem with the file as a whole (line 0: no place in it). */
function wholeFileProblem(message: Localized): ConfigProblem {
  return { severity: 'error', line: 0, column: 0, offset: 0, length: 0, message };
}

function readFailure(err: unknown): Localized {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return { zh: '配置文件不存在', en: 'no such config file' };
  if (code === 'EISDIR') return { zh: '是目录，不是配置文件', en: 'is a directory, not a config file' };
  if (code === 'EACCES' || code === 'EPERM') return { zh: '没有读取权限', en: 'permission denied' };
  const detail = (err as Error)?.message ?? String(err);
  return { zh: `无法读取：${detail}`, en: `cannot be read: ${detail}` };
}

/** A report's path as an ignore entry names it: relative to the config's folder, with `/`. */
export function fileInConfig(config: Pick<LoadedConfig, 'dir'>, reportFile: string): string {
  return path.relative(config.dir, path.resolve(reportFile)).split(path.sep).join('/');
}
