import type { PilotReport } from '../metrics/report-data';

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function table<T extends object>(rows: T[], columns: (keyof T & string)[]): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

/** One CSV per table of the report, for a spreadsheet or a script. */
export function reportCsvs(report: PilotReport): Record<string, string> {
  return {
    'learners-by-language.csv': table(report.byLanguage, ['lang', 'launched', 'completed', 'passed']),
    'learners-by-group.csv': table(report.byGroup, ['group', 'launched', 'completed', 'passed']),
    'funnel.csv': table(report.funnel, ['page', 'title', 'lesson', 'learners', 'dropOff']),
    'lessons.csv': table(report.lessons, ['id', 'title', 'learners', 'medianMinutes']),
    'scores.csv': table(report.scores.bins, ['from', 'to', 'count']),
    'questions.csv': table(
      report.questions.map((q) => ({ ...q, flags: q.flags.join(' ') })),
      ['id', 'lesson', 'role', 'responses', 'facility', 'discrimination', 'flags', 'prompt'],
    ),
    'options.csv': table(
      report.questions.flatMap((q) => q.options.map((o) => ({ question: q.id, ...o }))),
      ['question', 'id', 'label', 'correct', 'count', 'top', 'bottom'],
    ),
    'objectives.csv': table(report.objectives, ['id', 'lesson', 'responses', 'mastery', 'flag', 'text']),
    'survey.csv': table(
      report.survey.flatMap((q) => q.distribution.map((d) => ({ question: q.id, n: q.n, ...d }))),
      ['question', 'n', 'id', 'label', 'count'],
    ),
    'comments.csv': table(report.survey.flatMap((q) => q.comments.map((c) => ({ question: q.id, ...c }))), ['question', 'lang', 'text']),
    'suppressed.csv': table(report.suppressed, ['table', 'key']),
  };
}
