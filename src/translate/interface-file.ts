import { parse, stringify } from 'yaml';
import type { SourceSet } from '../compiler/load/source';
import { uiLanguages, uiStrings } from '../i18n';
import type { TranslatableFile } from './course-files';
import { plainOf, type Run } from './unit';

/**
 * The player's interface strings (buttons, labels), for a language Coursepack does not ship: the
 * build needs strings/<lang>.yaml with every key, so the XLIFF carries them too. {placeholders}
 * become codes the translator cannot break.
 */
export const shipsInterface = (lang: string) => uiLanguages.includes(lang.split('-')[0]!.toLowerCase());

function runsOf(text: string): Run[] {
  const runs: Run[] = [];
  let n = 0;
  for (const part of text.split(/(\{\w+\})/)) {
    if (/^\{\w+\}$/.test(part)) runs.push({ kind: 'ph', id: String(++n), type: 'var', data: part });
    else if (part) runs.push({ kind: 'text', text: part });
  }
  return runs;
}

function courseStrings(source: SourceSet, lang: string): Record<string, string> {
  const file = source.stringFiles.get(lang);
  if (!file) return {};
  try {
    const value = parse(file.text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function interfaceFile(source: SourceSet, srcLang: string): TranslatableFile {
  const strings = { ...uiStrings(srcLang), ...courseStrings(source, srcLang) };
  const path = `strings/${srcLang}.yaml`;
  const units = Object.entries(strings).map(([key, text]) => ({ id: key, runs: runsOf(text), notes: [`Interface string "${key}" of the player (button, label or message); {…} are filled in by the player`] }));
  return {
    kind: 'strings',
    path,
    text: '',
    units,
    slots: [
      {
        start: 0,
        end: 0,
        fill: (lookup) => `# Interface strings (coursepack translate import)\n${stringify(Object.fromEntries(units.map((u) => [u.id, plainOf(lookup(u.id))])), { lineWidth: 0 })}`,
      },
    ],
    targetPath: (lang) => `strings/${lang}.yaml`,
    existing: (lang) => {
      const known = { ...(shipsInterface(lang) ? uiStrings(lang) : {}), ...courseStrings(source, lang) };
      const found = new Map(Object.entries(known).filter(([k]) => k in strings).map(([k, v]) => [k, runsOf(v)]));
      return found.size ? found : undefined;
    },
  };
}
