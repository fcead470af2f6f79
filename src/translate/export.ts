import { alignCodes, type ExportDocument, type ExportFile } from './document';
import { filesFor, loadTranslatable, type TranslatableCourse, type TranslatableFile } from './course-files';
import { pseudoRuns } from './pseudo';
import { readState, sourceHash, stateKey, type TranslationState } from './state';
import type { Run, Unit } from './unit';
import { writeXliff12 } from './xliff12';
import { writeXliff2 } from './xliff2';

export type XliffFormat = 'xliff2' | 'xliff12';

export interface ExportOptions {
  lang: string;
  format: XliffFormat;
  /** Targets are pseudo-localised source text instead of the current translation. */
  pseudo?: boolean;
}

export interface ExportResult {
  xml: string;
  units: number;
  translated: number;
  outdated: number;
  /** Pages whose translation no longer has the source's blocks: their targets were left out. */
  skippedPages: string[];
}

const pageOf = (unitId: string) => unitId.split('.')[0] ?? '';

/**
 * The existing translation's units, page by page: a page whose units differ from the source's
 * (a paragraph added or removed in one language only) gives no targets, since positions no
 * longer say which paragraph is which.
 */
function existingTargets(file: TranslatableFile, lang: string, skipped: string[]): Map<string, Run[]> {
  const existing = file.existing(lang);
  if (!existing) return new Map();
  const idsByPage = (ids: Iterable<string>) => {
    const pages = new Map<string, string[]>();
    for (const id of ids) pages.set(pageOf(id), [...(pages.get(pageOf(id)) ?? []), id]);
    return pages;
  };
  const mine = idsByPage(file.units.map((u) => u.id));
  const theirs = idsByPage(existing.keys());
  for (const [page, ids] of mine) {
    if (file.kind === 'course' || file.kind === 'workshop' || file.kind === 'strings' || file.kind === 'captions' || theirs.get(page)?.join() === ids.join()) continue;
    for (const id of ids) existing.delete(id);
    skipped.push(`${file.targetPath(lang)}: ${page}`);
  }
  return existing;
}

export function exportDocument(course: TranslatableCourse, options: ExportOptions, state: TranslationState | undefined): { doc: ExportDocument; skippedPages: string[] } {
  const skippedPages: string[] = [];
  const files: ExportFile[] = filesFor(course, options.lang).map((file) => {
    const targets = options.pseudo ? undefined : existingTargets(file, options.lang, skippedPages);
    return {
      original: file.path,
      units: file.units.map((unit: Unit) => {
        const found = options.pseudo ? pseudoRuns(unit.runs) : targets?.get(unit.id);
        const recorded = state?.units[stateKey(file.path, unit.id)];
        const target = found && alignCodes(unit.runs, found);
        return { unit, target, outdated: target !== undefined && recorded !== undefined && recorded !== sourceHash(unit.runs) };
      }),
    };
  });
  return { doc: { srcLang: course.srcLang, trgLang: options.lang, files }, skippedPages };
}

/** One XLIFF file holding every translatable string of the course, for one target language. */
export async function exportXliff(courseDir: string, options: ExportOptions): Promise<ExportResult> {
  const course = await loadTranslatable(courseDir);
  const state = options.pseudo ? undefined : await readState(courseDir, options.lang);
  const { doc, skippedPages } = exportDocument(course, options, state);
  const all = doc.files.flatMap((f) => f.units);
  return {
    xml: options.format === 'xliff12' ? writeXliff12(doc) : writeXliff2(doc),
    units: all.length,
    translated: all.filter((u) => u.target && !u.outdated).length,
    outdated: all.filter((u) => u.outdated).length,
    skippedPages,
  };
}
