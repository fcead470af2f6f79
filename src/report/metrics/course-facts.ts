import { loadSource } from '../../compiler/load/source';
import { buildModels, type CourseModel, type QuestionModel } from '../../compiler/model';
import { plainText } from '../../compiler/render/markdown-html';
import { validateCourse } from '../../compiler/validate';
import { ContentError } from '../../diagnostics';
import { uiStrings } from '../../i18n';

/** What the report needs to know of the course: it never guesses from statements what the course says. */
export interface CourseFacts {
  id: string;
  title: string;
  lang: string;
  languages: string[];
  activityId: string;
  masteryScore?: number;
  lessons: { id: string; title: string; kind: string }[];
  pages: { id: string; title: string; lesson: string }[];
  questions: QuestionFacts[];
  objectives: { id: string; lesson: string; text: string }[];
}

export interface QuestionFacts {
  id: string;
  role: QuestionModel['role'];
  type: string;
  lesson: string;
  prompt: string;
  /** Labels of the response ids our packages send (a, b, c… or true/false), for distractor counts. */
  options: { id: string; label: string; correct: boolean }[];
  objectives: string[];
}

const letters = 'abcdefghijklmnopqrstuvwxyz';

function optionsOf(q: QuestionModel, strings: { true: string; false: string; likert: string[] }): QuestionFacts['options'] {
  const spec = q.spec;
  const labelled = (labels: string[], correct: (i: number) => boolean = () => false) =>
    labels.map((label, i) => ({ id: letters[i] ?? 'z', label: plainText(label), correct: correct(i) }));
  switch (spec.type) {
    case 'single-choice':
    case 'multiple-response':
      return labelled(spec.options.map((o) => o.text), (i) => spec.options[i]!.correct);
    case 'scenario':
      return labelled(spec.options.map((o) => o.text), (i) => spec.options[i]!.best);
    case 'true-false':
      return [
        { id: 'true', label: strings.true, correct: spec.answer },
        { id: 'false', label: strings.false, correct: !spec.answer },
      ];
    case 'likert':
      return labelled(spec.scale ?? strings.likert);
    default:
      return [];
  }
}

export function courseFacts(model: CourseModel): CourseFacts {
  const ui = uiStrings(model.lang);
  const strings = { true: ui.true ?? 'True', false: ui.false ?? 'False', likert: (ui.likertDefault ?? '').split('|') };
  const pageLesson = new Map(model.pages.map((p) => [p.id, model.lessons[p.lessonIndex]!.id]));
  return {
    id: model.id,
    title: model.title,
    lang: model.lang,
    languages: model.languages,
    activityId: model.activityId,
    masteryScore: model.masteryScore,
    lessons: model.lessons.map((l) => ({ id: l.id, title: l.title, kind: l.kind })),
    pages: model.pages.map((p) => ({ id: p.id, title: p.title, lesson: pageLesson.get(p.id)! })),
    questions: model.questions.map((q) => ({
      id: q.id,
      role: q.role,
      type: q.spec.type,
      lesson: pageLesson.get(q.pageId)!,
      prompt: plainText(q.spec.prompt),
      options: optionsOf(q, strings),
      objectives: q.spec.objectives ?? [],
    })),
    objectives: model.objectives.map((o) => ({ id: o.id, lesson: o.lessonId, text: plainText(o.text) })),
  };
}

/** The course as the report reads it, in one language (default: the course's source language). */
export async function loadCourseFacts(courseDir: string, lang?: string): Promise<CourseFacts> {
  const source = await loadSource(courseDir);
  const { diagnostics, course } = validateCourse(source);
  if (!course) throw new ContentError(diagnostics.items);
  const models = buildModels(course);
  const model = models.find((m) => m.lang === (lang ?? course.spec.languages[0])) ?? models[0]!;
  return courseFacts(model);
}
