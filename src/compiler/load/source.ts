import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A text file of the course, with the path to show the designer in messages. */
export interface SourceFile {
  /** Path relative to the current directory, for messages. */
  display: string;
  /** Path relative to the course folder, POSIX separators. */
  relative: string;
  text: string;
}

/** Everything the compiler reads from a course folder; nothing after this stage touches the disk. */
export interface SourceSet {
  dir: string;
  courseFile: SourceFile;
  /** workshop.yaml beside course.yaml, when the course is also delivered as a workshop. */
  workshopFile?: SourceFile;
  /** lessons/*.md, keyed by their path relative to the course folder. */
  lessonFiles: Map<string, SourceFile>;
  /** Text files that can become printable pages (handouts/*.md and any other .md outside lessons/). */
  markdownFiles: Map<string, SourceFile>;
  /** strings/<lang>.yaml: the course's own interface strings, keyed by language tag. */
  stringFiles: Map<string, SourceFile>;
  /** WebVTT caption files (*.vtt), read as text so the validator can check them. */
  captionFiles: Map<string, SourceFile>;
  /** Every file in the course folder (relative, POSIX) → its absolute path; binary content is read on demand. */
  files: Map<string, string>;
}

export class SourceNotFound extends Error {}

const IGNORED = new Set(['node_modules', '.git', '.DS_Store']);

async function listFiles(root: string, dir = ''): Promise<string[]> {
  const entries = await fs.readdir(path.join(root, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((e) => !IGNORED.has(e.name))
      .map((e) => {
        const rel = dir ? `${dir}/${e.name}` : e.name;
        return e.isDirectory() ? listFiles(root, rel) : Promise.resolve(e.isFile() ? [rel] : []);
      }),
  );
  return nested.flat().sort();
}

async function readSource(dir: string, relative: string): Promise<SourceFile> {
  const absolute = path.join(dir, relative);
  const text = (await fs.readFile(absolute, 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return { display: path.relative(process.cwd(), absolute) || absolute, relative, text };
}

export async function loadSource(courseDir: string): Promise<SourceSet> {
  const dir = path.resolve(courseDir);
  const stat = await fs.stat(dir).catch(() => undefined);
  if (!stat?.isDirectory()) throw new SourceNotFound(`${courseDir}: no such course folder`);
  const all = await listFiles(dir);
  if (!all.includes('course.yaml')) {
    throw new SourceNotFound(`${path.join(courseDir, 'course.yaml')}: not found (a course folder holds a course.yaml; run "coursepack init <dir>" to start one)`);
  }
  const files = new Map(all.map((rel) => [rel, path.join(dir, rel)]));
  const md = all.filter((rel) => rel.endsWith('.md'));
  const lessonFiles = new Map<string, SourceFile>();
  const markdownFiles = new Map<string, SourceFile>();
  for (const rel of md) {
    const file = await readSource(dir, rel);
    (rel.startsWith('lessons/') ? lessonFiles : markdownFiles).set(rel, file);
  }
  const stringFiles = new Map<string, SourceFile>();
  for (const rel of all) {
    const lang = /^strings\/([^/]+)\.ya?ml$/.exec(rel)?.[1];
    if (lang) stringFiles.set(lang, await readSource(dir, rel));
  }
  const workshopFile = all.includes('workshop.yaml') ? await readSource(dir, 'workshop.yaml') : undefined;
  const captionFiles = new Map<string, SourceFile>();
  for (const rel of all.filter((r) => r.endsWith('.vtt'))) captionFiles.set(rel, await readSource(dir, rel));
  return { dir, courseFile: await readSource(dir, 'course.yaml'), workshopFile, lessonFiles, markdownFiles, stringFiles, captionFiles, files };
}
