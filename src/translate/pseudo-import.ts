import type { ReadDocument } from './document';
import { loadTranslatable } from './course-files';
import { exportDocument } from './export';
import { importDocument, type ImportResult } from './import';
import { PSEUDO_LANG, PSEUDO_RTL_LANG } from './pseudo';

/** Writes the pseudo language straight into the course (no XLIFF file in between). */
export async function importPseudo(courseDir: string, rtl = false): Promise<ImportResult> {
  const course = await loadTranslatable(courseDir);
  const lang = rtl ? PSEUDO_RTL_LANG : PSEUDO_LANG;
  const { doc } = exportDocument(course, { lang, format: 'xliff2', pseudo: true }, undefined);
  const read: ReadDocument = {
    version: '2.0',
    srcLang: doc.srcLang,
    trgLang: lang,
    files: doc.files.map((f) => ({ original: f.original, units: f.units.map((u) => ({ id: u.unit.id, source: u.unit.runs, target: u.target, line: 1, problems: [] })) })),
  };
  return importDocument(courseDir, read, `(pseudo ${lang})`);
}
