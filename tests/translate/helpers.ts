import { cpSync, mkdtempSync, promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from '../../src/compiler';

export const FLAGSHIP = path.join(__dirname, '..', '..', 'courses', 'un-migration-cca-cf');

/** A scratch copy of a course, as it is at this commit. */
export function copyCourse(from = FLAGSHIP): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'cp-translate-')), path.basename(from));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Builds one language of a course; returns zip name → bytes. */
export async function zipsOf(courseDir: string, lang: string): Promise<Map<string, Buffer>> {
  const out = mkdtempSync(path.join(tmpdir(), 'cp-translate-dist-'));
  const result = await build(courseDir, out, { languages: [lang] });
  const zips = new Map<string, Buffer>();
  for (const file of result.files) zips.set(path.basename(file), await fs.readFile(file));
  return zips;
}

/** Deletes every file of one language: lessons/<id>.<lang>.md and handouts/<name>.<lang>.md. */
export async function deleteLanguageFiles(courseDir: string, lang: string): Promise<string[]> {
  const deleted: string[] = [];
  for (const folder of ['lessons', 'handouts']) {
    const names = await fs.readdir(path.join(courseDir, folder)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith(`.${lang}.md`))) {
      await fs.rm(path.join(courseDir, folder, name));
      deleted.push(`${folder}/${name}`);
    }
  }
  return deleted;
}
