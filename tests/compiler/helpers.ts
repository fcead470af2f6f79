import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ALL_TYPES = path.join(__dirname, '..', 'fixtures', 'courses', 'all-types');

/** A scratch copy of a fixture course, with `edit` applied to some of its files. */
export function courseCopy(edits: Record<string, (text: string) => string> = {}, from = ALL_TYPES): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'cp-course-')), 'course');
  cpSync(from, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const p = path.join(dir, file);
    writeFileSync(p, edit(readFileSync(p, 'utf8')));
  }
  return dir;
}

/** Line number (1-based) of the first line containing `needle`. */
export function lineOf(dir: string, file: string, needle: string): number {
  return readFileSync(path.join(dir, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
}
