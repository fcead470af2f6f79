import type { CourseModel } from '../compiler/model';

/**
 * The objectives ↔ questions table `coursepack build --report-objectives` prints: for each lesson
 * objective, the quiz questions that score it and the lesson questions that only practise it.
 */
export function formatObjectivesReport(model: CourseModel): string {
  const rows = model.objectives.map((o) => [o.id, o.lessonId, o.scored.join(', ') || '— none —', o.practice.join(', ') || '—']);
  const header = ['objective', 'lesson', 'scored (quiz)', 'practice (lessons)'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ');
  const unassessed = model.objectives.filter((o) => o.scored.length === 0).map((o) => o.id);
  const stratify = model.quiz?.stratify;
  const draw = model.quiz
    ? `quiz draws ${model.quiz.draw} of ${model.quiz.questionIds.length}${stratify ? `, at least ${stratify.min} per ${stratify.per} (${stratify.strata.length} groups)` : ', at random'}`
    : 'no quiz';
  const summary = `  ${model.objectives.length} objective(s), ${model.objectives.length - unassessed.length} assessed by a scored question${unassessed.length ? `; not assessed: ${unassessed.join(', ')}` : ''}; ${draw}`;
  return [`objectives ↔ questions (${model.lang})`, line(header), ...rows.map(line), summary].join('\n') + '\n';
}
