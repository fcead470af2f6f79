import { courseSchema, type CourseSpec, type LocalizedText } from '../../schema';
import { Diagnostics } from '../../diagnostics';
import type { SourceFile } from '../load/source';
import { checkSchema, parseLocatedYaml, type LocatedYaml } from './yaml';

/** Validates course.yaml: its schema, then the rules a schema cannot say. */
export function validateCourseFile(
  file: SourceFile,
  diagnostics: Diagnostics,
): { spec: CourseSpec; yaml: LocatedYaml } | undefined {
  const yaml = parseLocatedYaml(file.text, file.display, 1, diagnostics);
  if (!yaml) return undefined;
  const spec = checkSchema(courseSchema, yaml, file.display, 'course.yaml', diagnostics);
  if (!spec) return undefined;
  const texts: [string[], LocalizedText | undefined][] = [
    [['title'], spec.title],
    [['description'], spec.description],
    [['organization'], spec.organization],
    [['theme', 'logoAlt'], spec.theme?.logoAlt],
    [['frame', 'welcome', 'text'], spec.frame?.welcome?.text],
    [['frame', 'finish', 'text'], spec.frame?.finish?.text],
    [['frame', 'certificate', 'signature'], spec.frame?.certificate?.signature],
    [['frame', 'accessibility', 'contact'], spec.frame?.accessibility?.contact],
    [['frame', 'accessibility', 'text'], spec.frame?.accessibility?.text],
  ];
  checkLocalized(texts, spec.languages, yaml, file.display, 'course/missing-translation', diagnostics);
  const seen = new Set<string>();
  spec.lessons.forEach((lesson, i) => {
    if (seen.has(lesson)) diagnostics.error(file.display, yaml.at(['lessons', i]).line, 'course/duplicate-lesson', `lesson "${lesson}" is listed twice`);
    seen.add(lesson);
  });
  if (new Set(spec.languages).size !== spec.languages.length) {
    diagnostics.error(file.display, yaml.at(['languages']).line, 'course/duplicate-language', 'a language is listed twice');
  }
  return { spec, yaml };
}

/**
 * The languages and lesson list of a course.yaml that failed validation elsewhere, when they still
 * read as such: the lessons are then checked too, so one run shows every error. Its own problems
 * were reported by validateCourseFile, so this parse reports nothing.
 */
export function lessonListOf(file: SourceFile): { languages: string[]; lessons: string[]; yaml: LocatedYaml } | undefined {
  const yaml = parseLocatedYaml(file.text, file.display, 1, new Diagnostics());
  const { languages, lessons } = (yaml?.value ?? {}) as { languages?: unknown; lessons?: unknown };
  const strings = (list: unknown) => (Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string' && /^[\w-]+$/.test(x)) : []);
  if (!yaml || strings(languages).length === 0 || strings(lessons).length === 0) return undefined;
  return { languages: [...new Set(strings(languages))], lessons: strings(lessons), yaml };
}

/** Every text given per language must have each course language (a warning where a fallback will do). */
export function checkLocalized(
  texts: readonly [readonly PropertyKey[], LocalizedText | undefined][],
  languages: readonly string[],
  yaml: LocatedYaml,
  file: string,
  rule: string,
  diagnostics: Diagnostics,
  severity: 'error' | 'warning' = 'error',
): void {
  for (const [path, text] of texts) {
    if (text === undefined || typeof text === 'string') continue;
    for (const lang of languages) {
      if (!text[lang]) diagnostics[severity === 'error' ? 'error' : 'warn'](file, yaml.at(path).line, rule, `${path.join('.')} has no "${lang}" text`, `add ${lang}: "…" or give one string for all languages`);
    }
  }
}

/** Picks the text for a language: the language's own, else the source language's. */
export function textIn(text: LocalizedText, lang: string, sourceLang: string): string {
  if (typeof text === 'string') return text;
  return text[lang] ?? text[sourceLang] ?? Object.values(text)[0] ?? '';
}
