import path from 'node:path';
import { ContentError, Diagnostics } from '../diagnostics';
import { loadSource, type SourceFile, type SourceSet } from '../compiler/load/source';
import { validateCourseFile } from '../compiler/validate/course-file';
import { splitFrontMatter } from '../compiler/validate/lesson-file';
import type { CourseSpec } from '../schema';
import { FRONT_MATTER } from './fences';
import { segmentMarkdown } from './segment-markdown';
import { segmentYaml } from './segment-yaml';
import type { Run, Unit } from './unit';
import { courseTexts, localizedFile, workshopFile } from './localized-file';
import { interfaceFile, shipsInterface } from './interface-file';
import { captionsFile, captionsIn } from './captions-file';
import type { Segmented, Slot } from './slots';

/** One file of the course that holds translatable text, read in the source language. */
export interface TranslatableFile {
  kind: 'course' | 'workshop' | 'strings' | 'lesson' | 'handout' | 'captions';
  /** Course-relative path of the source-language file. */
  path: string;
  text: string;
  units: Unit[];
  slots: Slot[];
  /** Course-relative path of the file for `lang`. */
  targetPath(lang: string): string;
  /** Units of an existing translation, by id. */
  existing(lang: string): Map<string, Run[]> | undefined;
}

export interface TranslatableCourse {
  source: SourceSet;
  spec: CourseSpec;
  srcLang: string;
  files: TranslatableFile[];
}

/** `x.en.md` → `x.fr.md`; a file without a language tag gets one (`x.md` → `x.fr.md`). */
export function languagePath(file: string, srcLang: string, lang: string): string {
  const ext = path.posix.extname(file);
  const stem = file.slice(0, file.length - ext.length);
  const base = stem.endsWith(`.${srcLang}`) ? stem.slice(0, -srcLang.length - 1) : stem;
  return `${base}.${lang}${ext}`;
}

/** A lesson: its front matter (title, handout titles) and its Markdown body. */
export function segmentLesson(text: string, lessonId: string, file: string): Segmented {
  const { front, body, bodyLine } = splitFrontMatter(text);
  const units: Unit[] = [];
  const slots: Slot[] = [];
  if (front !== undefined) {
    const yaml = segmentYaml(front, '', FRONT_MATTER);
    if (yaml) {
      units.push(...yaml.units.map((u) => ({ ...u, notes: [`${u.notes.join(' ')} — ${file}`] })));
      slots.push({ start: 4, end: 4 + front.length, fill: yaml.fill });
    }
  }
  const offset = text.length - body.length;
  const md = segmentMarkdown(body, { file, lessonId, firstLine: bodyLine });
  units.push(...md.units);
  slots.push(...md.slots.map((s) => ({ ...s, start: s.start + offset, end: s.end + offset })));
  return { units, slots };
}

/** Loads the course and segments every file that holds text: course.yaml, lessons, Markdown handouts. */
export async function loadTranslatable(courseDir: string): Promise<TranslatableCourse> {
  const source = await loadSource(courseDir);
  const diagnostics = new Diagnostics();
  const course = validateCourseFile(source.courseFile, diagnostics);
  if (!course) throw new ContentError(diagnostics.items);
  const { spec } = course;
  const srcLang = spec.languages[0]!;
  const single = spec.languages.length === 1;
  const files: TranslatableFile[] = [localizedFile(source.courseFile, courseTexts(spec), srcLang)];
  const workshop = await workshopFile(source, srcLang);
  if (workshop) files.push(workshop);
  const handouts = new Set<string>();
  const captions = new Set<string>();
  const textFile = (kind: 'lesson' | 'handout', file: SourceFile, segment: (text: string) => Segmented, lookupTarget: (p: string) => SourceFile | undefined): TranslatableFile => {
    const { units, slots } = segment(file.text);
    const targetPath = (lang: string) => languagePath(file.relative, srcLang, lang);
    return {
      kind,
      path: file.relative,
      text: file.text,
      units,
      slots,
      targetPath,
      existing: (lang) => {
        const translated = lookupTarget(targetPath(lang));
        return translated && new Map(segment(translated.text).units.map((u) => [u.id, u.runs]));
      },
    };
  };
  for (const id of spec.lessons) {
    const file = source.lessonFiles.get(`lessons/${id}.${srcLang}.md`) ?? (single ? source.lessonFiles.get(`lessons/${id}.md`) : undefined);
    if (!file) {
      diagnostics.error(source.courseFile.display, 1, 'course/missing-lesson-file', `lesson "${id}" has no ${srcLang} file lessons/${id}.${srcLang}.md`, 'the source language needs every lesson');
      continue;
    }
    const lesson = textFile('lesson', file, (text) => segmentLesson(text, id, file.relative), (p) => source.lessonFiles.get(p));
    files.push(lesson);
    for (const target of linkedMarkdown(file.text, file.relative)) if (source.markdownFiles.has(target)) handouts.add(target);
    for (const target of captionsIn(file.text, file.relative)) captions.add(target);
  }
  if (diagnostics.hasErrors) throw new ContentError(diagnostics.items);
  for (const handout of [...handouts].sort()) {
    const file = source.markdownFiles.get(handout)!;
    files.push(textFile('handout', file, (text) => segmentMarkdown(text, { file: handout }), (p) => source.markdownFiles.get(p)));
  }
  for (const relative of [...captions].sort()) {
    const vtt = await captionsFile(source, relative, (lang) => languagePath(relative, srcLang, lang));
    if (vtt) files.push(vtt);
  }
  return { source, spec, srcLang, files };
}

/** The files a translation into `lang` covers: the player's strings too when Coursepack does not ship them. */
export function filesFor(course: TranslatableCourse, lang: string): TranslatableFile[] {
  const strings = shipsInterface(lang) && !course.source.stringFiles.has(lang) ? [] : [interfaceFile(course.source, course.srcLang)];
  return [...course.files, ...strings];
}

/** Course-relative .md files a lesson points at: handouts in its front matter, links in its text. */
function linkedMarkdown(text: string, fromFile: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:file:\s*|\]\()<?([^\s)>#]+\.md)\b/g)) {
    const href = m[1]!;
    if (/^[a-z]+:/i.test(href)) continue;
    const fromFront = /^file:/.test(m[0]);
    found.push(fromFront ? href : path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), href)));
  }
  return found.filter((p) => !p.startsWith('lessons/') && !p.startsWith('..'));
}
