import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { SourceFile, SourceSet } from '../compiler/load/source';
import type { CourseSpec } from '../schema';
import type { TranslatableFile } from './course-files';
import type { Slot } from './slots';
import { textOf, type Run } from './unit';
import { addLanguage, setLocalized } from './yaml-edit';

/** A text of a YAML file written as one string or one string per language ({ en: …, fr: … }). */
export interface LocalizedEntry {
  /** Path in the YAML document (list positions from 0). */
  path: (string | number)[];
  note: string;
  value: unknown;
}

const idOf = (p: (string | number)[]) => p.map((k) => (typeof k === 'number' ? k + 1 : k)).join('.');

/** course.yaml and workshop.yaml: each text gains a `<lang>:` entry, edited in place. */
export function localizedFile(file: SourceFile, entries: LocalizedEntry[], srcLang: string, kind: 'course' | 'workshop' = 'course'): TranslatableFile {
  const valueIn = (value: unknown, lang: string): string | undefined => {
    // One string serves every language (textIn): it is what that language shows today.
    if (typeof value === 'string') return value;
    const v = (value as Record<string, unknown> | undefined)?.[lang];
    return typeof v === 'string' ? v : undefined;
  };
  const present = entries.filter((e) => valueIn(e.value, srcLang) !== undefined);
  const units = present.map((e) => ({ id: idOf(e.path), runs: [{ kind: 'text' as const, text: valueIn(e.value, srcLang)! }], notes: [`${e.note} — ${file.relative}`] }));
  const slot: Slot = {
    start: 0,
    end: file.text.length,
    fill: (lookup, options) => {
      let text = file.text;
      for (const e of present) text = setLocalized(text, e.path, options.srcLang, options.lang, textOf(lookup(idOf(e.path))));
      return kind === 'course' ? addLanguage(text, options.lang) : text;
    },
  };
  return {
    kind,
    path: file.relative,
    text: file.text,
    units,
    slots: [slot],
    targetPath: () => file.relative,
    existing: (lang) => {
      const found = new Map<string, Run[]>();
      for (const e of present) {
        const v = valueIn(e.value, lang);
        if (v !== undefined) found.set(idOf(e.path), [{ kind: 'text', text: v }]);
      }
      return found.size ? found : undefined;
    },
  };
}

export function courseTexts(spec: CourseSpec): LocalizedEntry[] {
  return [
    { path: ['title'], note: 'Course title (LMS catalogue, header, manifest)', value: spec.title },
    { path: ['description'], note: 'Course description (LMS catalogue, manifest)', value: spec.description },
    { path: ['organization'], note: 'Organisation name (header, manifest)', value: spec.organization },
    { path: ['theme', 'logoAlt'], note: 'Text alternative of the logo (screen readers)', value: spec.theme?.logoAlt },
    { path: ['frame', 'welcome', 'text'], note: 'Welcome page: text after the description (Markdown)', value: spec.frame?.welcome?.text },
    { path: ['frame', 'finish', 'text'], note: 'Finish page: text after the summary (Markdown)', value: spec.frame?.finish?.text },
    { path: ['frame', 'certificate', 'signature'], note: 'Certificate: the line under it (who issues it)', value: spec.frame?.certificate?.signature },
    { path: ['frame', 'accessibility', 'contact'], note: 'Accessibility statement: how to report a barrier (Markdown)', value: spec.frame?.accessibility?.contact },
    { path: ['frame', 'accessibility', 'text'], note: 'Accessibility statement: replaces the generated text (Markdown)', value: spec.frame?.accessibility?.text },
  ];
}

const WORKSHOP_TEXT: Record<string, string> = { title: 'Title in the workshop agenda and slides', plenary: 'Plenary item of the workshop agenda' };

/** workshop.yaml (the workshop kit's deliveries): every title and plenary text, wherever it stands. */
export async function workshopFile(source: SourceSet, srcLang: string): Promise<TranslatableFile | undefined> {
  const absolute = source.files.get('workshop.yaml');
  if (!absolute) return undefined;
  const text = (await fs.readFile(absolute, 'utf8')).replace(/\r\n?/g, '\n');
  let data: unknown;
  try {
    data = parse(text);
  } catch {
    return undefined;
  }
  const entries: LocalizedEntry[] = [];
  const walk = (node: unknown, at: (string | number)[]) => {
    if (Array.isArray(node)) node.forEach((item, i) => walk(item, [...at, i]));
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (WORKSHOP_TEXT[k] && (typeof v === 'string' || (v && typeof v === 'object' && !Array.isArray(v)))) entries.push({ path: [...at, k], note: WORKSHOP_TEXT[k]!, value: v });
        else walk(v, [...at, k]);
      }
    }
  };
  walk(data, []);
  const display = path.relative(process.cwd(), absolute) || absolute;
  return localizedFile({ display, relative: 'workshop.yaml', text }, entries, srcLang, 'workshop');
}
