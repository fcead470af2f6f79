import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Run } from './unit';

/**
 * What each translation was made from: `translations/<lang>.json` in the course folder maps
 * "<source file>#<unit id>" to a hash of the source text the translator saw (or "draft" for text
 * imported untranslated). A unit whose source hash no longer matches is outdated.
 */
export interface TranslationState {
  sourceLanguage: string;
  units: Record<string, string>;
}

export const DRAFT = 'draft';

/** Hash of a source string: its text and codes, whitespace folded so re-wrapping is no change. */
export function sourceHash(runs: readonly Run[]): string {
  const canonical = runs.map((r) => (r.kind === 'text' ? r.text : `\u0000${r.kind}:${r.data}\u0000`)).join('').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}

export const stateKey = (file: string, unitId: string) => `${file}#${unitId}`;

export const statePath = (courseDir: string, lang: string) => path.join(courseDir, 'translations', `${lang}.json`);

export async function readState(courseDir: string, lang: string): Promise<TranslationState | undefined> {
  const text = await fs.readFile(statePath(courseDir, lang), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as TranslationState);
}

/** Sorted keys and one entry per line, so a state file diffs well in version control. */
export function stateText(state: TranslationState): string {
  const units = Object.fromEntries(Object.entries(state.units).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return `${JSON.stringify({ sourceLanguage: state.sourceLanguage, units }, null, 1)}\n`;
}

/** Per unit: no translation, translated from the current source, or from an older one. */
export function unitStatus(state: TranslationState | undefined, key: string, hasTarget: boolean, currentHash: string): 'missing' | 'translated' | 'outdated' {
  const recorded = state?.units[key];
  if (!hasTarget || recorded === DRAFT) return 'missing';
  if (recorded !== undefined && recorded !== currentHash) return 'outdated';
  return 'translated';
}
