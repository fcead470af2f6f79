import type { CourseData, InteractionType, RuntimeQuestion } from '../../contract/course-data';
import type { CourseModel, QuestionModel } from '../model';
import { DEFAULT_LIKERT_SIZE } from '../model/shapes';
import { plainText } from './markdown-html';

const INTERACTION: Record<string, InteractionType> = {
  'single-choice': 'choice',
  'multiple-response': 'choice',
  scenario: 'choice',
  'true-false': 'true-false',
  'fill-in': 'fill-in',
  open: 'long-fill-in',
  matching: 'matching',
  ordering: 'sequencing',
  sorting: 'matching',
  likert: 'likert',
};

function runtimeQuestion(q: QuestionModel, pageIndex: number, strings: Record<string, string>): RuntimeQuestion {
  const spec = q.spec;
  const out: RuntimeQuestion = { id: q.id, type: spec.type, interaction: INTERACTION[spec.type]!, role: q.role, page: pageIndex, shape: q.shape, prompt: plainText(spec.prompt) };
  switch (spec.type) {
    case 'single-choice':
    case 'multiple-response':
      out.choices = spec.options.map((o) => plainText(o.text));
      out.correct = spec.options.flatMap((o, i) => (o.correct ? [i] : []));
      break;
    case 'scenario':
      out.choices = spec.options.map((o) => plainText(o.text));
      out.correct = spec.options.flatMap((o, i) => (o.best ? [i] : []));
      break;
    case 'true-false':
      out.choices = [strings.true ?? 'True', strings.false ?? 'False'];
      out.correct = [spec.answer ? 0 : 1];
      break;
    case 'fill-in':
      out.accepted = spec.answers;
      out.caseSensitive = spec.caseSensitive;
      break;
    case 'matching':
      out.sources = spec.pairs.map((p) => plainText(p.source));
      out.targets = spec.pairs.map((p) => plainText(p.target));
      break;
    case 'ordering':
      out.choices = spec.items.map(plainText);
      break;
    case 'sorting':
      out.sources = spec.categories.flatMap((c) => c.items.map(plainText));
      out.targets = spec.categories.map((c) => plainText(c.name));
      out.key = spec.categories.flatMap((c, i) => c.items.map(() => i));
      if (spec.required) out.required = true;
      break;
    case 'likert':
      out.choices = (spec.scale ?? (strings.likertDefault ?? '').split('|').slice(0, DEFAULT_LIKERT_SIZE)).map(plainText);
      break;
    case 'open':
      break;
  }
  return out;
}

/** The JSON the runtime reads at launch: structure, answers to check, strings. No HTML. */
export function courseData(model: CourseModel, strings: Record<string, string>): CourseData {
  const pageIndex = new Map(model.pages.map((p) => [p.id, p.index]));
  return {
    id: model.id,
    version: model.version,
    lang: model.lang,
    title: model.title,
    activityId: model.activityId,
    hash: model.structureHash,
    pages: model.pages.map((p) => ({ id: p.id, title: p.title, lesson: p.lessonIndex })),
    lessons: model.lessons.map((l) => ({ id: l.id, title: l.title })),
    questions: model.questions.map((q) => runtimeQuestion(q, pageIndex.get(q.pageId) ?? 0, strings)),
    ...(model.trackedBlocks.length ? { blocks: model.trackedBlocks.map((b) => (b.required ? { page: b.pageIndex, required: true as const } : { page: b.pageIndex })) } : {}),
    quiz: model.quiz && {
      page: pageIndex.get(model.quiz.pageId) ?? 0,
      bank: model.questions.filter((q) => q.role === 'quiz').map((q) => q.index),
      draw: model.quiz.draw,
      retake: model.quiz.retake,
      ...(model.quiz.stratify && {
        strata: model.quiz.stratify.strata.map((ids) => ids.map((id) => model.questions.find((q) => q.id === id)!.index)),
        min: model.quiz.stratify.min,
      }),
    },
    completion: model.completion,
    mastery: model.masteryScore,
    strings,
  };
}
