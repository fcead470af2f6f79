import type { PilotDatabase } from '../store/database';
import type { CourseFacts } from './course-facts';
import { analyseItems, discriminationFlag, facilityFlag, type Answer } from './item-analysis';
import * as Q from './queries';
import type { LearnerCounts, PilotReport, QuestionStats, SurveyStats } from './report-data';

export interface ReportOptions {
  minCell?: number;
  minResponses?: number;
}

interface LearnerRow {
  learner: string;
  lang: string | null;
  grp: string | null;
  completed: boolean;
  passed: boolean;
}

const round = (x: number | null, digits = 1) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const median = (xs: number[]) => {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
/** Response ids inside result.response: xAPI joins with [,], SCORM 1.2 with a comma. */
const splitResponse = (response: string | null) => (response ? response.split(/\[,\]|,/).filter(Boolean) : []);

function counts(rows: LearnerRow[]): LearnerCounts {
  return { launched: rows.length, completed: rows.filter((r) => r.completed).length, passed: rows.filter((r) => r.passed).length };
}

/** Breaks learners down by a key; a cell with fewer than minCell learners is left out and listed. */
function breakdown(rows: LearnerRow[], key: (r: LearnerRow) => string | null, table: string, minCell: number, suppressed: PilotReport['suppressed']) {
  const groups = new Map<string, LearnerRow[]>();
  for (const r of rows) {
    const k = key(r);
    if (k) (groups.get(k) ?? groups.set(k, []).get(k)!).push(r);
  }
  const shown: (LearnerCounts & { key: string })[] = [];
  for (const [k, list] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (list.length < minCell) suppressed.push({ table, key: k });
    else shown.push({ key: k, ...counts(list) });
  }
  return shown;
}

/** Every figure of the pilot report, from the database and the course. */
export async function computeReport(db: PilotDatabase, facts: CourseFacts, options: ReportOptions = {}): Promise<PilotReport> {
  const minCell = options.minCell ?? 5;
  const minResponses = options.minResponses ?? 5;
  const suppressed: PilotReport['suppressed'] = [];
  await db.connection.run(Q.VALID_STATEMENTS);
  await db.connection.run('CREATE OR REPLACE TEMP TABLE report_pages (id VARCHAR, lesson VARCHAR)');
  await db.connection.run('CREATE OR REPLACE TEMP TABLE report_survey (id VARCHAR)');
  const appendRows = async (table: string, rows: string[][]) => {
    const appender = await db.connection.createAppender(table);
    for (const row of rows) {
      for (const v of row) appender.appendVarchar(v);
      appender.endRow();
    }
    appender.closeSync();
  };
  await appendRows('report_pages', facts.pages.map((p) => [p.id, p.lesson]));
  await appendRows('report_survey', facts.questions.filter((q) => q.role === 'survey').map((q) => [q.id]));

  const learners = await db.rows<LearnerRow>(Q.LEARNERS);
  const completed = new Set(learners.filter((l) => l.completed).map((l) => l.learner));
  const [through] = await db.rows<{ through: Date | null; n: number }>(Q.DATA_THROUGH);

  // Funnel: who reached each page, and who left the course there without completing it.
  const viewers = new Map((await db.rows<{ ref: string; learners: number }>(Q.PAGE_VIEWERS)).map((r) => [r.ref, r.learners]));
  const dropOff = new Map<string, number>();
  for (const r of await db.rows<{ learner: string; ref: string }>(Q.LAST_PAGE)) {
    if (!completed.has(r.learner)) dropOff.set(r.ref, (dropOff.get(r.ref) ?? 0) + 1);
  }
  const funnel = facts.pages.map((p) => ({ page: p.id, title: p.title, lesson: p.lesson, learners: viewers.get(p.id) ?? 0, dropOff: dropOff.get(p.id) ?? 0 }));

  const times = new Map((await db.rows<{ lesson: string; learners: number; secs: number }>(Q.LESSON_TIME)).map((r) => [r.lesson, r]));
  const lessons = facts.lessons.map((l) => ({ id: l.id, title: l.title, learners: times.get(l.id)?.learners ?? 0, medianMinutes: round(times.has(l.id) ? times.get(l.id)!.secs / 60 : null) }));

  const finals = (await db.rows<{ scaled: number }>(Q.FINAL_SCORES)).map((r) => 100 * r.scaled);
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i * 10, to: i * 10 + 10, count: finals.filter((s) => (i === 9 ? s >= 90 : s >= i * 10 && s < i * 10 + 10)).length }));

  const byId = new Map(facts.questions.map((q) => [q.id, q]));
  const first = await db.rows<{ learner: string; ref: string; response: string | null; success: boolean | null }>(Q.FIRST_ANSWERS);
  const judged: Answer[] = [];
  const criterion = new Map<string, Map<string, number>>();
  for (const a of first) {
    const q = byId.get(a.ref);
    if (!q || q.role === 'survey' || a.success === null) continue;
    const answer = { learner: a.learner, question: a.ref, score: a.success ? 1 : 0, chosen: splitResponse(a.response) };
    judged.push(answer);
    if (q.role === 'quiz') (criterion.get(a.learner) ?? criterion.set(a.learner, new Map()).get(a.learner)!).set(a.ref, answer.score);
  }
  const figures = analyseItems(judged, criterion);
  const questions: QuestionStats[] = facts.questions
    .filter((q) => q.role !== 'survey')
    .map((q) => {
      const f = figures.get(q.id);
      const flags: string[] = [];
      const responses = f?.responses ?? 0;
      const options = q.options.map((o) => ({ id: o.id, label: o.label, count: f?.chosen.get(o.id)?.count ?? 0, top: f?.chosen.get(o.id)?.top ?? 0, bottom: f?.chosen.get(o.id)?.bottom ?? 0, correct: o.correct }));
      if (f && responses >= minResponses) {
        const a = f.facility === null ? undefined : facilityFlag(f.facility);
        const b = f.discrimination === null ? undefined : discriminationFlag(f.discrimination);
        if (a) flags.push(a);
        if (b) flags.push(b);
        if (options.some((o) => !o.correct && o.top > o.bottom)) flags.push('distractor-attracts-strong');
      }
      return { id: q.id, lesson: q.lesson, role: q.role, prompt: q.prompt, responses, facility: round(f?.facility ?? null), discrimination: round(f?.discrimination ?? null), options, flags };
    });

  // An objective's answers are those to the questions that name it.
  const perObjective = new Map<string, { n: number; right: number }>();
  for (const a of judged) {
    for (const id of byId.get(a.question)?.objectives ?? []) {
      const o = perObjective.get(id) ?? perObjective.set(id, { n: 0, right: 0 }).get(id)!;
      o.n++;
      o.right += a.score;
    }
  }
  const objectives = facts.objectives.map((o) => {
    const { n, right } = perObjective.get(o.id) ?? { n: 0, right: 0 };
    const mastery = n ? (100 * right) / n : null;
    const flag = mastery !== null && n >= minResponses && mastery < 60 ? 'not-mastered' : undefined;
    return { id: o.id, lesson: o.lesson, text: o.text, responses: n, mastery: round(mastery), ...(flag ? { flag } : {}) };
  });

  const survey = await surveyStats(db, facts, minCell, suppressed);
  const launched = counts(learners);
  const byLanguage = breakdown(learners, (r) => r.lang, 'byLanguage', minCell, suppressed).map(({ key, ...c }) => ({ lang: key, ...c }));
  const byGroup = breakdown(learners, (r) => r.grp, 'byGroup', minCell, suppressed).map(({ key, ...c }) => ({ group: key, ...c }));

  return {
    course: { id: facts.id, title: facts.title, lang: facts.lang },
    dataThrough: through?.through ? new Date(through.through).toISOString() : null,
    statements: through?.n ?? 0,
    minCell,
    minResponses,
    learners: launched,
    byLanguage,
    byGroup,
    funnel,
    lessons,
    scores: { n: finals.length, median: round(median(finals)), bins },
    questions,
    objectives,
    survey,
    revise: revisions(questions, objectives, funnel, launched.launched, minCell),
    suppressed,
  };
}

async function surveyStats(db: PilotDatabase, facts: CourseFacts, minCell: number, suppressed: PilotReport['suppressed']): Promise<SurveyStats[]> {
  const latest = new Map<string, { response: string; lang: string | null }[]>();
  for (const a of await db.rows<{ ref: string; response: string | null; lang: string | null }>(Q.LATEST_ANSWERS)) {
    if (a.response !== null) (latest.get(a.ref) ?? latest.set(a.ref, []).get(a.ref)!).push({ response: a.response, lang: a.lang });
  }
  return facts.questions
    .filter((q) => q.role === 'survey')
    .map((q) => {
      const answers = latest.get(q.id) ?? [];
      const base = { id: q.id, prompt: q.prompt, type: q.type, n: answers.length };
      if (answers.length < minCell) {
        if (answers.length) suppressed.push({ table: 'survey', key: q.id });
        return { ...base, distribution: [], comments: [] };
      }
      if (q.type === 'open') {
        // Comments without identity, and in an order that does not follow who answered when.
        const comments = answers.map((a) => ({ lang: a.lang ?? '', text: a.response })).sort((a, b) => a.lang.localeCompare(b.lang) || a.text.localeCompare(b.text));
        return { ...base, distribution: [], comments };
      }
      const distribution = q.options.map((o) => ({ id: o.id, label: o.label, count: answers.filter((a) => splitResponse(a.response).includes(o.id)).length }));
      return { ...base, distribution, comments: [] };
    });
}

function revisions(questions: QuestionStats[], objectives: PilotReport['objectives'], funnel: PilotReport['funnel'], launched: number, minCell: number): PilotReport['revise'] {
  const out: PilotReport['revise'] = [];
  const words: Record<string, string> = {
    'too-easy': 'almost everyone gets it right: make it harder or drop it',
    'too-hard': 'almost everyone gets it wrong: check the key, the wording and the lesson that teaches it',
    'negative-discrimination': 'stronger learners do worse on it than weaker ones: the key or the wording is probably wrong',
    'weak-discrimination': 'it barely separates stronger from weaker learners',
    'distractor-attracts-strong': 'a wrong option attracts the strongest third more than the weakest: it may be right too, or misleading',
  };
  for (const q of questions) {
    for (const f of q.flags) out.push({ kind: f.startsWith('distractor') ? 'distractor' : 'question', ref: q.id, message: `${q.id}: ${words[f] ?? f}` });
  }
  for (const o of objectives) if (o.flag) out.push({ kind: 'objective', ref: o.id, message: `objective ${o.id}: ${o.mastery}% of answers right, under 60%` });
  for (const p of funnel) {
    // A page where a fifth of all learners stopped (and at least a full cell of them) is worth a look.
    if (launched && p.dropOff >= Math.max(minCell, 0.2 * launched)) out.push({ kind: 'page', ref: p.page, message: `page "${p.title}": ${p.dropOff} of ${launched} learners stopped here` });
  }
  return out;
}
