import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ContentError, Diagnostics } from '../diagnostics';
import { codeProblems, type ReadDocument, type ReadUnit } from './document';
import { filesFor, languagePath, loadTranslatable, segmentLesson, type TranslatableCourse, type TranslatableFile } from './course-files';
import { segmentMarkdown } from './segment-markdown';
import { applySlots, type FillOptions } from './slots';
import { DRAFT, readState, sourceHash, stateKey, statePath, stateText } from './state';
import type { Run } from './unit';
import { readXliff } from './read';

export interface ImportOptions {
  /** Import units without a target as their source text (counted), instead of refusing. */
  draft?: boolean;
}

export interface ImportResult {
  lang: string;
  written: string[];
  units: number;
  drafted: number;
}

/**
 * How a translated file points at files of its own language: a link or handout path to a file
 * this import translates, or to media tagged with the source language whose counterpart exists.
 */
function pathMapper(course: TranslatableCourse, lang: string): FillOptions['mapPath'] {
  const translated = course.files.map((f) => f.path);
  const files = [...course.source.files.keys()];
  const tail = (p: string) => p.replace(/^(\.\.?\/)+/, '');
  return (href) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('//')) return href;
    const [bare = '', fragment] = href.split('#', 2);
    const candidate = languagePath(bare, course.srcLang, lang);
    const ours = translated.some((f) => f.endsWith(tail(bare)));
    const tagged = bare.includes(`.${course.srcLang}.`) && files.some((f) => f.endsWith(tail(candidate)));
    if (!ours && !tagged) return href;
    return `${candidate}${fragment === undefined ? '' : `#${fragment}`}`;
  };
}

/** Runs reduced to what Markdown structure they have, to check a written file parses back the same. */
const shape = (runs: readonly Run[]) => runs.map((r) => (r.kind === 'text' ? 't' : `${r.kind}:${r.type}`)).join(' ');

/**
 * Writes the translation of every file from an XLIFF document. Structure comes from the current
 * source-language files; text from the targets. Refuses (nothing written) when a target is
 * missing or its codes are damaged, naming the unit and its line in the XLIFF file.
 */
export async function importDocument(courseDir: string, read: ReadDocument, xliffName: string, options: ImportOptions = {}): Promise<ImportResult> {
  const course = await loadTranslatable(courseDir);
  const diagnostics = new Diagnostics();
  const lang = read.trgLang;
  if (read.srcLang !== course.srcLang) diagnostics.error(xliffName, 1, 'translate/wrong-source-language', `the XLIFF's source language is "${read.srcLang}" but the course's is "${course.srcLang}"`, 'export again from this course');
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) || lang === course.srcLang) diagnostics.error(xliffName, 1, 'translate/bad-target-language', `target language "${lang}" cannot be imported into this course`, 'export with --to <lang>');
  const outputs = new Map<string, string>();
  const state = (await readState(courseDir, lang)) ?? { sourceLanguage: course.srcLang, units: {} };
  let units = 0;
  let drafted = 0;
  for (const file of filesFor(course, lang)) {
    const readFile = read.files.find((f) => f.original === file.path);
    const byId = new Map<string, ReadUnit>((readFile?.units ?? []).map((u) => [u.id, u]));
    const targets = new Map<string, Run[]>();
    for (const unit of file.units) {
      const found = byId.get(unit.id);
      const where = `unit "${unit.id}" (${file.path})`;
      units++;
      if (!found?.target || found.target.length === 0) {
        if (!options.draft) {
          diagnostics.error(xliffName, found?.line ?? 1, 'translate/missing-target', `${where} has no translation`, 'translate it, or import with --draft to use the source text for now');
          continue;
        }
        drafted++;
        targets.set(unit.id, unit.runs);
        state.units[stateKey(file.path, unit.id)] = DRAFT;
        continue;
      }
      const problems = [...found.problems, ...codeProblems(found.source, found.target)];
      for (const p of problems) diagnostics.error(xliffName, found.line, 'translate/damaged-code', `${where}: ${p}`, 'restore the tags of the source text in your CAT tool');
      targets.set(unit.id, found.target);
      state.units[stateKey(file.path, unit.id)] = sourceHash(found.source.length ? found.source : unit.runs);
    }
    if (diagnostics.hasErrors) continue;
    const text = applySlots(file.text, file.slots, (id) => targets.get(id) ?? [], { srcLang: course.srcLang, lang, mapPath: pathMapper(course, lang) });
    checkWritten(file, text, targets, byId, xliffName, diagnostics);
    outputs.set(file.targetPath(lang), text);
  }
  if (diagnostics.hasErrors) throw new ContentError(diagnostics.items);
  outputs.set(path.relative(courseDir, statePath(courseDir, lang)), stateText(state));
  const written = await writeAll(courseDir, outputs);
  return { lang, written, units, drafted };
}

/** The file must parse back into the same units with the same codes; else a target broke the Markdown. */
function checkWritten(file: TranslatableFile, text: string, targets: Map<string, Run[]>, byId: Map<string, ReadUnit>, xliffName: string, diagnostics: Diagnostics): void {
  if (file.kind === 'course' || file.kind === 'workshop' || file.kind === 'strings' || file.kind === 'captions') return;
  const lessonId = path.posix.basename(file.path).split('.')[0]!;
  const again = file.kind === 'lesson' ? segmentLesson(text, lessonId, file.path) : segmentMarkdown(text, { file: file.path });
  const parsed = new Map(again.units.map((u) => [u.id, u.runs]));
  for (const [id, runs] of targets) {
    const back = parsed.get(id);
    if (back && shape(back) === shape(runs)) continue;
    diagnostics.error(xliffName, byId.get(id)?.line ?? 1, 'translate/structure-changed', `unit "${id}" (${file.path}): the translation does not read back as the same text and codes`, 'check the tags of this unit');
  }
}

/** Every file written to a temp name first, then renamed: an import never leaves half a translation. */
async function writeAll(courseDir: string, outputs: Map<string, string>): Promise<string[]> {
  const temps: [string, string][] = [];
  for (const [rel, text] of outputs) {
    const target = path.join(courseDir, rel);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    await fs.writeFile(temp, text);
    temps.push([temp, target]);
  }
  for (const [temp, target] of temps) await fs.rename(temp, target);
  return [...outputs.keys()];
}

export async function importXliff(courseDir: string, xliffFile: string, options: ImportOptions = {}): Promise<ImportResult> {
  const xml = await fs.readFile(xliffFile, 'utf8');
  const name = path.relative(process.cwd(), xliffFile) || xliffFile;
  return importDocument(courseDir, readXliff(xml, name), name, options);
}
