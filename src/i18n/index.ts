import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import ru from './ru.json';
import zh from './zh.json';
import wsAr from './workshop/ar.json';
import wsEn from './workshop/en.json';
import wsEs from './workshop/es.json';
import wsFr from './workshop/fr.json';
import wsRu from './workshop/ru.json';
import wsZh from './workshop/zh.json';

/** Interface strings in the six UN languages; other course languages fall back to English. */
const catalogues: Record<string, Record<string, string>> = { ar, en, es, fr, ru, zh };

export const uiLanguages = Object.keys(catalogues);

export function uiStrings(lang: string): Record<string, string> {
  return { ...en, ...(catalogues[lang.split('-')[0]!.toLowerCase()] ?? {}) };
}

/** The workshop kit's own labels (guide, slides, handouts): never shipped to learners. */
const workshopCatalogues: Record<string, Record<string, string>> = { ar: wsAr, en: wsEn, es: wsEs, fr: wsFr, ru: wsRu, zh: wsZh };

export function workshopStrings(lang: string): Record<string, string> {
  return { ...wsEn, ...(workshopCatalogues[lang.split('-')[0]!.toLowerCase()] ?? {}) };
}

/** Replaces {name} placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
