import { surveyTypes } from '../../schema';
import { Diagnostics } from '../../diagnostics';
import type { SourceSet } from '../load/source';
import { contrastRatio } from './contrast';
import { lessonListOf, validateCourseFile } from './course-file';
import type { LocatedYaml } from './yaml';
import { parseLessonFile } from './lesson-file';
import type { ParsedLesson, ValidatedCourse } from './parsed';
import { checkObjectives } from './objectives';
import { interfaceStrings } from './interface-strings';
import { checkBlockFiles } from './block-files';
import { checkReferences } from './references';
import { checkTranslation, questionsOf } from './translations';
import { activitiesOf, checkActivityObjectives } from './activities';
import { validateWorkshopFile } from './workshop-file';

export type { ValidatedCourse, ParsedLesson, ParsedPage, ParsedBlock, ParsedQuestion, ParsedActivity } from './parsed';
export { timingFacts } from './workshop-file';
export { itemMinutes, addMinutes } from './workshop-timing';
export { textIn } from './course-file';
export { objectiveCoverage, strataOf, type ObjectiveCoverage } from './objectives';

/** Checks a loaded course; returns every diagnostic, and the validated course when there is no error. */
export function validateCourse(source: SourceSet): { diagnostics: Diagnostics; course?: ValidatedCourse } {
  const diagnostics = new Diagnostics();
  const courseFile = validateCourseFile(source.courseFile, diagnostics);
  if (!courseFile) {
    const list = lessonListOf(source.courseFile);
    if (list) parseLessons(source, list.languages, list.lessons, list.yaml, diagnostics);
    return { diagnostics };
  }
  const { spec, yaml } = courseFile;
  const display = source.courseFile.display;
  const lessons = parseLessons(source, spec.languages, spec.lessons, yaml, diagnostics);

  const sourceLessons = lessons.get(spec.languages[0]!) ?? [];
  checkUniqueIds(sourceLessons, diagnostics);
  checkObjectives(sourceLessons, diagnostics);
  checkActivityObjectives(sourceLessons, diagnostics);
  checkQuizAndSurvey(sourceLessons, spec.masteryScore !== undefined, display, yaml.at(['lessons']).line, diagnostics);
  const lessonIds = new Set(spec.lessons);
  for (const [lang, list] of lessons) {
    checkReferences(source, list, lessonIds, diagnostics);
    for (const lesson of list) checkBlockFiles(source, lesson, diagnostics);
    if (lang === spec.languages[0]) continue;
    for (const translation of list) {
      const original = sourceLessons.find((l) => l.id === translation.id);
      if (original) checkTranslation(original, translation, diagnostics);
    }
  }
  for (const key of ['logo', 'coverImage', 'fontFile'] as const) {
    const file = spec.theme?.[key];
    if (file && !source.files.has(file)) {
      const { line, column } = yaml.at(['theme', key]);
      diagnostics.error(display, line, 'media/missing', `theme.${key} "${file}" not found`, 'the path is relative to the course folder, e.g. media/cover.jpg', column);
    }
  }
  if (spec.theme?.logo && !spec.theme.logoAlt) {
    diagnostics.error(display, yaml.at(['theme', 'logo']).line, 'media/missing-alt', 'the logo needs logoAlt text', 'add theme.logoAlt: the organisation name');
  }
  const colour = spec.theme?.primaryColor;
  if (colour && contrastRatio(colour, '#ffffff') < 4.5) {
    diagnostics.error(display, yaml.at(['theme', 'primaryColor']).line, 'theme/contrast', `primaryColor ${colour} has contrast ${contrastRatio(colour, '#ffffff').toFixed(2)}:1 on white; WCAG AA needs 4.5:1`, 'choose a darker colour');
  }
  const strings = interfaceStrings(source, spec.languages, diagnostics);
  const workshop = source.workshopFile && validateWorkshopFile(source.workshopFile, spec, sourceLessons, diagnostics);
  if (diagnostics.hasErrors) return { diagnostics };
  return { diagnostics, course: { source, spec, lessons, strings, workshop } };
}

/** Each listed lesson's file in each language, parsed; a missing file is an error at its list entry. */
function parseLessons(source: SourceSet, languages: readonly string[], ids: readonly string[], yaml: LocatedYaml, diagnostics: Diagnostics): Map<string, ParsedLesson[]> {
  const single = languages.length === 1;
  const lessons = new Map<string, ParsedLesson[]>();
  for (const lang of languages) {
    const parsed: ParsedLesson[] = [];
    ids.forEach((id, index) => {
      const candidates = single ? [`lessons/${id}.${lang}.md`, `lessons/${id}.md`] : [`lessons/${id}.${lang}.md`];
      const file = candidates.map((c) => source.lessonFiles.get(c)).find(Boolean);
      if (!file) {
        diagnostics.error(source.courseFile.display, yaml.at(['lessons', index]).line, 'course/missing-lesson-file', `lesson "${id}" has no file ${candidates.join(' or ')}`, 'create the file, or remove the lesson from the list');
        return;
      }
      const lesson = parseLessonFile(id, lang, file, diagnostics);
      if (lesson) parsed.push(lesson);
    });
    lessons.set(lang, parsed);
  }
  return lessons;
}

function checkUniqueIds(lessons: ParsedLesson[], diagnostics: Diagnostics): void {
  const pages = new Map<string, string>();
  const questions = new Map<string, string>();
  const activities = new Map<string, string>();
  for (const lesson of lessons) {
    for (const a of activitiesOf(lesson)) {
      const first = activities.get(a.spec.id);
      if (first) diagnostics.error(lesson.file.display, a.line, 'id/duplicate-activity', `activity id "${a.spec.id}" is already used at ${first}`, 'give each activity its own id');
      else activities.set(a.spec.id, `${lesson.file.display}:${a.line}`);
    }
    for (const page of lesson.pages) {
      const here = `${lesson.file.display}:${page.line}`;
      const first = pages.get(page.id);
      if (first) diagnostics.error(lesson.file.display, page.line, 'id/duplicate-page', `page id "${page.id}" is already used at ${first}`, 'give each page its own {#page-id}');
      else pages.set(page.id, here);
    }
    for (const q of questionsOf(lesson)) {
      const first = questions.get(q.spec.id);
      if (first) diagnostics.error(lesson.file.display, q.line, 'id/duplicate-question', `question id "${q.spec.id}" is already used at ${first}`, 'give each question its own id');
      else questions.set(q.spec.id, `${lesson.file.display}:${q.line}`);
    }
  }
}

function checkQuizAndSurvey(lessons: ParsedLesson[], hasMastery: boolean, courseFile: string, lessonsLine: number, diagnostics: Diagnostics): void {
  const quizzes = lessons.filter((l) => l.front.kind === 'quiz');
  if (quizzes.length > 1) diagnostics.error(quizzes[1]!.file.display, 2, 'quiz/several', 'a course has at most one quiz lesson', 'merge the quizzes into one bank');
  for (const quiz of quizzes) {
    const bank = questionsOf(quiz);
    if (quiz.pages.length !== 1) diagnostics.error(quiz.file.display, quiz.pages[1]?.line ?? 2, 'quiz/one-page', 'a quiz lesson is one page', 'keep a single "# Title" heading; questions follow it');
    if (bank.length === 0) diagnostics.error(quiz.file.display, 2, 'quiz/empty', 'the quiz has no questions');
    if (quiz.front.draw !== undefined && quiz.front.draw > bank.length) diagnostics.error(quiz.file.display, 2, 'quiz/draw-too-large', `draw: ${quiz.front.draw} but the bank holds ${bank.length} questions`);
    for (const q of bank) {
      if (q.spec.type === 'scenario' || surveyTypes.includes(q.spec.type)) diagnostics.error(quiz.file.display, q.line, 'quiz/unscored-type', `question "${q.spec.id}": ${q.spec.type} cannot be scored in a quiz`, 'use single-choice, multiple-response, true-false, fill-in, matching or ordering');
    }
    if (!hasMastery) diagnostics.error(courseFile, lessonsLine, 'quiz/no-mastery-score', 'the course has a quiz but no masteryScore', 'add masteryScore: 80 (percent) to course.yaml');
  }
  for (const survey of lessons.filter((l) => l.front.kind === 'survey')) {
    for (const q of questionsOf(survey)) {
      if (!surveyTypes.includes(q.spec.type)) diagnostics.error(survey.file.display, q.line, 'survey/scored-type', `question "${q.spec.id}": a survey holds likert and open questions only`);
    }
  }
  for (const lesson of lessons.filter((l) => l.front.kind !== 'quiz')) {
    if (lesson.front.draw !== undefined || lesson.front.retake) diagnostics.warn(lesson.file.display, 2, 'lesson/quiz-option', 'draw and retake only apply to kind: quiz');
  }
}
