import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { CourseFacts } from '../report/metrics/course-facts';
import { random } from './synthetic-course';


const VERB = (v: string) => ({ id: `http://adlnet.gov/expapi/verbs/${v}`, display: { 'en-US': v } });
const hex = (next: () => number, n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');

/**
 * Writes `count` statements as NDJSON, shaped like our xAPI packages send them, for learners who
 * go through the course: pages experienced in order (some stop early), quiz answers whose success
 * follows each learner's ability, a final score, survey answers. For the bench's scale figures.
 */
export async function writeSyntheticStatements(file: string, facts: CourseFacts, count: number, seed = 7): Promise<{ statements: number; learners: number }> {
  const next = random(seed);
  const out = createWriteStream(file);
  const teams = ['urn:team:kaliland', 'urn:team:north', 'urn:team:south', 'urn:team:east', 'urn:team:west'];
  const quiz = facts.questions.filter((q) => q.role === 'quiz');
  const survey = facts.questions.filter((q) => q.role === 'survey');
  let written = 0;
  let learners = 0;
  let clock = Date.parse('2026-01-05T08:00:00Z');
  while (written < count) {
    learners++;
    const actor = { objectType: 'Agent', name: `Learner ${learners}`, mbox: `mailto:learner${learners}@example.org` };
    const registration = `${hex(next, 8)}-${hex(next, 4)}-4${hex(next, 3)}-a${hex(next, 3)}-${hex(next, 12)}`;
    const lang = facts.languages[Math.floor(next() * facts.languages.length)]!;
    const grouping = [{ objectType: 'Activity', id: teams[learners % teams.length]! }];
    const ability = next();
    const emit = (verb: string, objectId: string, result?: object) => {
      if (written >= count) return;
      clock += 1000 + Math.floor(next() * 60000);
      const t = new Date(clock).toISOString();
      const s = { id: `${hex(next, 8)}-${hex(next, 4)}-4${hex(next, 3)}-8${hex(next, 3)}-${hex(next, 12)}`, actor, verb: VERB(verb), object: { objectType: 'Activity', id: objectId }, context: { registration, language: lang, contextActivities: { grouping } }, ...(result ? { result } : {}), timestamp: t, stored: t };
      written++;
      if (!out.write(`${JSON.stringify(s)}\n`)) return once(out, 'drain');
      return undefined;
    };
    const course = facts.activityId;
    await emit('initialized', course);
    const stopAt = next() < 0.3 ? Math.floor(next() * facts.pages.length) : facts.pages.length;
    for (const page of facts.pages.slice(0, stopAt)) await emit('experienced', `${course}/pages/${encodeURIComponent(page.id)}`);
    if (stopAt === facts.pages.length) {
      let right = 0;
      const drawn = quiz.filter(() => next() < 0.5);
      for (const q of drawn) {
        const ok = next() < 0.3 + 0.6 * ability;
        if (ok) right++;
        const pick = q.options.find((o) => o.correct === ok) ?? q.options[0];
        await emit('answered', `${course}/questions/${encodeURIComponent(q.id)}`, { response: pick?.id ?? 'x', success: ok });
      }
      const scaled = drawn.length ? right / drawn.length : 0;
      await emit(scaled * 100 >= (facts.masteryScore ?? 80) ? 'passed' : 'failed', course, { score: { scaled } });
      for (const q of survey) await emit('answered', `${course}/questions/${encodeURIComponent(q.id)}`, { response: q.type === 'open' ? 'More examples, please.' : (q.options[Math.floor(next() * q.options.length)]?.id ?? 'c') });
      await emit('completed', course, { completion: true });
    }
    await emit('terminated', course);
  }
  out.end();
  await once(out, 'finish');
  return { statements: written, learners };
}
