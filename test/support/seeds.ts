// Where the acceptance seeds live: ../shared/seeds beside the clone (CI puts it there).
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEEDS_DIR = process.env.DISCLOSURE_SEEDS ?? path.resolve(REPO_ROOT, '..', 'shared', 'seeds');

/** The seed files, sorted. Throws when the folder is missing (a missing acceptance set is a failure, never a skip). */
export function seedFiles(): string[] {
  if (!fs.existsSync(SEEDS_DIR)) {
    throw new Error(`seed folder not found: ${SEEDS_DIR} (set DISCLOSURE_SEEDS or put shared/ beside the clone)`);
  }
  return fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort().map((f) => path.join(SEEDS_DIR, f));
}

export function readSeed(prefix: string): { file: string; text: string } {
  const file = seedFiles().find((f) => path.basename(f).startsWith(prefix));
  if (!file) throw new Error(`no seed starting with ${prefix} in ${SEEDS_DIR}`);
  return { file, text: fs.readFileSync(file, 'utf8') };
}
