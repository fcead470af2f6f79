import { promises as fs } from 'node:fs';
import path from 'node:path';
import { filesFor, loadTranslatable } from './course-files';
import { readState, sourceHash, stateKey, unitStatus } from './state';

export interface LanguageStatus {
  lang: string;
  units: number;
  translated: number;
  missing: number;
  outdated: number;
  /** Units whose source changed since translation, as "file#unit". */
  outdatedUnits: string[];
  /** No state file yet: translations are counted, but freshness is unknown until the first import. */
  tracked: boolean;
}

/** Per target language: how many units are translated, missing, or outdated. */
export async function translationStatus(courseDir: string, only?: string[]): Promise<LanguageStatus[]> {
  const course = await loadTranslatable(courseDir);
  const stateFiles = await fs.readdir(path.join(courseDir, 'translations')).catch(() => [] as string[]);
  const fromState = stateFiles.filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));
  const langs = [...new Set([...course.spec.languages.slice(1), ...fromState])].filter((l) => !only || only.includes(l));
  const result: LanguageStatus[] = [];
  for (const lang of langs) {
    const state = await readState(courseDir, lang);
    const status: LanguageStatus = { lang, units: 0, translated: 0, missing: 0, outdated: 0, outdatedUnits: [], tracked: state !== undefined };
    for (const file of filesFor(course, lang)) {
      const existing = file.existing(lang);
      for (const unit of file.units) {
        const key = stateKey(file.path, unit.id);
        const s = unitStatus(state, key, existing?.has(unit.id) ?? false, sourceHash(unit.runs));
        status.units++;
        status[s]++;
        if (s === 'outdated') status.outdatedUnits.push(key);
      }
    }
    result.push(status);
  }
  return result;
}
