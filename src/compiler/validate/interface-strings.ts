import { Diagnostics } from '../../diagnostics';
import { uiLanguages, uiStrings } from '../../i18n';
import type { SourceSet } from '../load/source';
import { parseLocatedYaml } from './yaml';

/** Where a course supplies (or overrides) the interface strings of one language. */
export const stringsFile = (lang: string) => `strings/${lang}.yaml`;

const placeholders = (text: string) => new Set(text.match(/\{\w+\}/g) ?? []);

/**
 * The interface strings of each course language: ours for the six UN languages, with the course's
 * strings/<lang>.yaml on top; for any other language that file is required and must hold every key,
 * so a German course never silently shows English buttons.
 */
export function interfaceStrings(source: SourceSet, languages: readonly string[], diagnostics: Diagnostics): Map<string, Record<string, string>> {
  const english = uiStrings('en');
  const keys = Object.keys(english);
  const result = new Map<string, Record<string, string>>();
  for (const lang of languages) {
    const shipped = uiLanguages.includes(lang.split('-')[0]!.toLowerCase());
    const file = source.stringFiles.get(lang);
    if (!file) {
      if (!shipped) {
        diagnostics.error(source.courseFile.display, 1, 'strings/missing-file', `language "${lang}" has no interface strings: Coursepack ships ${uiLanguages.join(', ')}`, `create ${stringsFile(lang)} with the keys ${keys.join(', ')} (copy src/i18n/en.json's texts and translate them)`);
      }
      result.set(lang, uiStrings(lang));
      continue;
    }
    const yaml = parseLocatedYaml(file.text, file.display, 1, diagnostics);
    if (!yaml) continue;
    const value = yaml.value ?? {};
    if (typeof value !== 'object' || Array.isArray(value)) {
      diagnostics.error(file.display, 1, 'strings/not-a-map', `${stringsFile(lang)} must map each interface key to its text`, 'write one "key: text" per line');
      continue;
    }
    const given: Record<string, string> = {};
    for (const [key, text] of Object.entries(value as Record<string, unknown>)) {
      const { line, column } = yaml.at([], key);
      if (!(key in english)) {
        diagnostics.warn(file.display, line, 'strings/unknown-key', `unknown interface key "${key}"`, `the keys are ${keys.join(', ')}`, column);
      } else if (typeof text !== 'string' || (text.trim() === '' && english[key] !== '')) {
        diagnostics.error(file.display, line, 'strings/not-text', `"${key}" must be a non-empty text`, `e.g. ${key}: "${english[key]}"`, column);
      } else {
        const lost = [...placeholders(english[key]!)].filter((p) => !text.includes(p));
        if (lost.length) diagnostics.error(file.display, line, 'strings/placeholder', `"${key}" lost the placeholder ${lost.join(', ')}`, `keep it where the number goes, as in "${english[key]}"`, column);
        given[key] = text;
      }
    }
    const missing = keys.filter((k) => !(k in given) && !(k in (value as object)));
    if (missing.length && !shipped) {
      diagnostics.error(file.display, 1, 'strings/missing-keys', `${stringsFile(lang)} lacks ${missing.length} interface string(s): ${missing.join(', ')}`, 'add each key with its translation');
    }
    result.set(lang, { ...uiStrings(lang), ...given });
  }
  return result;
}
