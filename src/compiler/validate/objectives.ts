import type { Diagnostics } from '../../diagnostics';
import type { ParsedLesson } from './parsed';
import { questionsOf } from './translations';

/** One lesson objective and the questions that assess it. */
export interface ObjectiveCoverage {
  id: string;
  text: string;
  lessonId: string;
  file: string;
  line: number;
  /** Ids of quiz questions that name it: they count towards the score. */
  scored: string[];
  /** Ids of lesson questions (knowledge checks, scenarios) that name it: practice only. */
  practice: string[];
}

/** Every objective of the course, in lesson order, with what assesses it. */
export function objectiveCoverage(lessons: readonly ParsedLesson[]): ObjectiveCoverage[] {
  const all = lessons.flatMap((lesson) =>
    lesson.front.objectives.map((o, i) => ({ id: o.id, text: o.text, lessonId: lesson.id, file: lesson.file.display, line: lesson.objectiveLines[i] ?? 2, scored: [] as string[], practice: [] as string[] })),
  );
  const byId = new Map(all.map((o) => [o.id, o]));
  for (const lesson of lessons) {
    for (const q of questionsOf(lesson)) {
      for (const id of q.spec.objectives ?? []) {
        const target = byId.get(id);
        if (!target) continue;
        (lesson.front.kind === 'quiz' ? target.scored : target.practice).push(q.spec.id);
      }
    }
  }
  return all;
}

/**
 * The groups a stratified draw takes its minimum from: bank question ids per lesson (that has
 * objectives) or per objective. A question that assesses objectives of two lessons is in both.
 */
export function strataOf(lessons: readonly ParsedLesson[], per: 'lesson' | 'objective'): { name: string; questionIds: string[] }[] {
  const coverage = objectiveCoverage(lessons);
  if (per === 'objective') return coverage.map((o) => ({ name: `objective ${o.id}`, questionIds: o.scored }));
  const bank = lessons.filter((l) => l.front.kind === 'quiz').flatMap(questionsOf).map((q) => q.spec.id);
  return lessons
    .filter((l) => l.front.objectives.length > 0)
    .map((l) => {
      const ids = new Set(coverage.filter((o) => o.lessonId === l.id).flatMap((o) => o.scored));
      return { name: `lesson "${l.id}"`, questionIds: bank.filter((id) => ids.has(id)) };
    });
}

/** Ids unique and known, objectives only on lessons, every objective assessed, strata that fit the draw. */
export function checkObjectives(lessons: readonly ParsedLesson[], diagnostics: Diagnostics): void {
  const seen = new Map<string, string>();
  for (const lesson of lessons) {
    lesson.front.objectives.forEach((o, i) => {
      const line = lesson.objectiveLines[i] ?? 2;
      const first = seen.get(o.id);
      if (first) diagnostics.error(lesson.file.display, line, 'objective/duplicate', `objective id "${o.id}" is already used at ${first}`, 'give each objective its own id, e.g. "3.2" for lesson 3');
      else seen.set(o.id, `${lesson.file.display}:${line}`);
    });
    if (lesson.front.kind !== 'lesson' && lesson.front.objectives.length) {
      diagnostics.warn(lesson.file.display, lesson.objectiveLines[0] ?? 2, 'objective/not-a-lesson', `a ${lesson.front.kind} lists objectives; only lessons have objectives`, 'move them to the lesson they belong to');
    }
    if (lesson.front.kind !== 'quiz' && lesson.front.stratify) {
      diagnostics.warn(lesson.file.display, lesson.stratifyLine, 'lesson/quiz-option', 'stratify only applies to kind: quiz');
    }
  }
  for (const lesson of lessons) {
    for (const q of questionsOf(lesson)) {
      for (const id of q.spec.objectives ?? []) {
        if (!seen.has(id)) diagnostics.error(lesson.file.display, q.line, 'question/unknown-objective', `question "${q.spec.id}" assesses objective "${id}", which no lesson lists`, `known objectives: ${[...seen.keys()].join(', ') || 'none'}`);
      }
    }
  }
  for (const o of objectiveCoverage(lessons)) {
    if (o.scored.length) continue;
    const practice = o.practice.length ? ` (only practised by ${o.practice.join(', ')})` : '';
    diagnostics.warn(o.file, o.line, 'objective/not-assessed', `objective "${o.id}" is assessed by no scored question${practice}`, 'add a quiz question with objectives: ["' + o.id + '"]');
  }
  const quiz = lessons.find((l) => l.front.kind === 'quiz');
  const stratify = quiz?.front.stratify;
  if (!quiz || !stratify) return;
  const strata = strataOf(lessons, stratify.per);
  const bankSize = questionsOf(quiz).length;
  const draw = Math.min(quiz.front.draw ?? bankSize, bankSize);
  const where = quiz.file.display;
  if (strata.length === 0) diagnostics.error(where, quiz.stratifyLine, 'quiz/no-strata', `stratify per ${stratify.per}, but no lesson lists objectives`, 'list objectives in the lessons\' front matter and name them in quiz questions');
  for (const s of strata) {
    if (s.questionIds.length < stratify.min) diagnostics.error(where, quiz.stratifyLine, 'quiz/stratum-too-small', `${s.name} has ${s.questionIds.length} quiz question(s), fewer than stratify.min ${stratify.min}`, `add quiz questions whose objectives belong to ${s.name}, or lower min`);
  }
  if (strata.length * stratify.min > draw) {
    diagnostics.error(where, quiz.stratifyLine, 'quiz/stratify-exceeds-draw', `${strata.length} groups × min ${stratify.min} = ${strata.length * stratify.min} questions, more than draw: ${draw}`, 'raise draw or lower stratify.min');
  }
}
