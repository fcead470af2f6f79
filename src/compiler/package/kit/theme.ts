import type { CourseModel } from '../../model';

const GENERIC = new Set(['system-ui', '-apple-system', 'blinkmacsystemfont', 'sans-serif', 'serif', 'monospace', 'ui-sans-serif', 'ui-serif']);

/** What the slides and documents take from the course theme. */
export interface KitTheme {
  /** RRGGBB, no "#", as Office wants it. */
  colour: string;
  /** The first real font of the course's CSS font stack; Office has no fallback lists. */
  font: string;
  rtl: boolean;
  /** BCP 47 tag for Office's proofing language, e.g. "fr-FR". */
  officeLang: string;
}

const OFFICE_LANG: Record<string, string> = { ar: 'ar-SA', en: 'en-GB', es: 'es-ES', fr: 'fr-FR', ru: 'ru-RU', zh: 'zh-CN' };

export function kitTheme(model: CourseModel): KitTheme {
  const font =
    model.theme.fontStack
      .split(',')
      .map((f) => f.trim().replace(/^["']|["']$/g, ''))
      .find((f) => f && !GENERIC.has(f.toLowerCase())) ?? 'Arial';
  const base = model.lang.split('-')[0]!;
  return { colour: model.theme.primaryColor.slice(1).toUpperCase(), font, rtl: model.dir === 'rtl', officeLang: model.lang.includes('-') ? model.lang : OFFICE_LANG[base] ?? model.lang };
}
