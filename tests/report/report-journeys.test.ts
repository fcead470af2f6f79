/**
 * The pilot report against a real LRS (LearningLocker xapi-statements behind the test endpoint),
 * filled by scripted learners taking the flagship's Tin Can package in Chromium. The test records
 * what each learner did and computes the report's figures itself, then compares them with
 * report.json; it also syncs twice, pages with `more`, and resumes a sync the LRS broke off.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loadSource } from '../../src/compiler/load/source';
import { buildModels } from '../../src/compiler/model';
import { validateCourse } from '../../src/compiler/validate';
import type { CourseData, RuntimeQuestion } from '../../src/contract/course-data';
import { PilotDatabase, syncFromLrs, SyncInterrupted, type PilotReport } from '../../src/report';
import { axeViolations } from '../e2e/a11y-helpers';
import { launchBrowser } from '../e2e/browser';
import { startStaticServer, type StaticServer } from '../e2e/static-server';
import { buildDefaultCourse, DEFAULT_COURSE } from '../lrs/packages';
import { startTestLrs, type TestLrs } from '../lrs/test-lrs-endpoint';
import { runPilotLearner, type PilotRecord } from './pilot-learners';

jest.setTimeout(900000);

const CLI = path.join(__dirname, '..', '..', 'bin', 'coursepack.js');
let lrs: TestLrs;
let web: StaticServer;
let browser: Browser;
let work: string;
let reader: { key: string; secret: string };
let records: PilotRecord[];
let report: PilotReport;
let mastery: number;
let course: CourseData;
/** Each learner's pseudonym in the database, found by the registration the test launched them with. */
let pseudonym: Map<PilotRecord, string>;
/** Each learner's statements as the LRS stores them, read with the test's own request. */
let stored: Map<PilotRecord, Record<string, any>[]>;
/** Question id → the objectives it assesses, from the course source. */
let assesses: Map<string, string[]>;
const MIN_CELL = 3;
const MIN_RESPONSES = 5;

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [CLI, ...args], { cwd: work }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

/**
 * A stable 0..1 number per learner and question, so "right" is chosen, not random. A digest, not a
 * running sum: ids that differ in their last character must land far apart.
 */
const chance = (who: string, id: string) => createHash('sha256').update(`${who}/${id}`).digest().readUInt32BE(0) / 2 ** 32;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'coursepack-report-'));
  lrs = await startTestLrs();
  web = await startStaticServer();
  const en = await buildDefaultCourse('xapi', 'en');
  const fr = await buildDefaultCourse('xapi', 'fr');
  mastery = en.data.mastery ?? 80;
  course = en.data;
  await web.mountZip('en', en.zip);
  await web.mountZip('fr', fr.zip);
  browser = await launchBrowser();
  const token = Buffer.from(lrs.addCredential('report-reader').token, 'base64').toString();
  reader = { key: token.split(':')[0]!, secret: token.split(':')[1]! };
  const alpha = 'urn:coursepack:test:team-alpha';
  const beta = 'urn:coursepack:test:team-beta';
  // Reading times differ by learner and page so that every lesson's median means something; the
  // weak learner leaves the fourth page for 45 minutes, a pause the report must not count as study.
  // Three learners stop on the same page: enough (with --min-cell 3) for "what to revise" to name it.
  const plans = [
    { name: 'pilot-strong', lang: 'en', team: alpha, right: () => true, reading: (n: number) => 1 + (n % 3) },
    { name: 'pilot-middle', lang: 'en', team: alpha, right: (q: RuntimeQuestion) => chance('middle', q.id) < 0.75, reading: () => 1.5 },
    { name: 'pilot-weak', lang: 'en', team: alpha, right: (q: RuntimeQuestion) => chance('weak', q.id) < 0.4, reading: (n: number) => (n === 3 ? 45 : 0.5) },
    { name: 'pilot-early', lang: 'en', team: alpha, stopAfter: 6, right: () => true, reading: () => 3 },
    { name: 'pilot-later', lang: 'en', team: alpha, stopAfter: 12, right: (q: RuntimeQuestion) => chance('later', q.id) < 0.6, reading: (n: number) => 0.25 * n },
    { name: 'pilot-dropout', lang: 'en', team: alpha, stopAfter: 6, right: (q: RuntimeQuestion) => chance('dropout', q.id) < 0.5, reading: (n: number) => 0.75 + 0.5 * n },
    { name: 'pilot-fr', lang: 'fr', team: beta, stopAfter: 6, right: () => true, reading: () => 2.5 },
  ];
  records = [];
  for (const plan of plans) records.push(await runPilotLearner(browser, lrs, `${web.url}/${plan.lang}/index.html`, plan));
  const synced = await cli(['report', 'sync', DEFAULT_COURSE, '--lrs', lrs.endpoint, '--key', reader.key, '--secret', reader.secret, '--db', 'pilot.duckdb']);
  expect(synced.stderr).toBe('');
  expect(synced.code).toBe(0);
  const built = await cli(['report', 'build', DEFAULT_COURSE, '--db', 'pilot.duckdb', '--out', 'out', '--min-cell', String(MIN_CELL)]);
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  report = JSON.parse(await fs.readFile(path.join(work, 'out', 'report.json'), 'utf8'));
  const db = await PilotDatabase.open(path.join(work, 'pilot.duckdb'));
  const byRegistration = new Map((await db.rows<{ learner: string; registration: string }>('SELECT DISTINCT learner, registration FROM statements')).map((r) => [r.registration, r.learner]));
  db.close();
  pseudonym = new Map(records.map((r) => [r, byRegistration.get(r.registration)!]));
  stored = new Map();
  for (const r of records) stored.set(r, await lrs.statements(r.registration));
  const { course: source } = validateCourse(await loadSource(DEFAULT_COURSE));
  assesses = new Map(buildModels(source!)[0]!.questions.map((q) => [q.id, q.spec.objectives ?? []]));
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await lrs?.stop();
  if (work) await fs.rm(work, { recursive: true, force: true });
});

/** The test's own Pearson correlation, written apart from the report's. */
function correlation(pairs: [number, number][]): number | null {
  if (pairs.length < 2) return null;
  const mean = (k: 0 | 1) => pairs.reduce((s, p) => s + p[k], 0) / pairs.length;
  const [mx, my] = [mean(0), mean(1)];
  const cov = pairs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const vx = pairs.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const vy = pairs.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  return vx && vy ? (100 * cov) / Math.sqrt(vx * vy) : null;
}

const quizShare = (r: PilotRecord, except?: string) => {
  const quiz = [...r.answers].filter(([id, a]) => a.role === 'quiz' && id !== except);
  return quiz.length ? quiz.filter(([, a]) => a.right).length / quiz.length : null;
};

test('learners launched, completed and passed, by language and by team, with small cells suppressed', () => {
  const completers = records.filter((r) => r.completed);
  const passed = completers.filter((r) => 100 * quizShare(r)! >= mastery);
  expect(report.learners).toEqual({ launched: records.length, completed: completers.length, passed: passed.length });
  const en = records.filter((r) => r.plan.lang === 'en');
  expect(report.byLanguage).toEqual([{ lang: 'en', launched: en.length, completed: completers.length, passed: passed.length }]);
  expect(report.byGroup).toEqual([{ group: 'urn:coursepack:test:team-alpha', launched: en.length, completed: completers.length, passed: passed.length }]);
  expect(report.suppressed).toEqual(expect.arrayContaining([{ table: 'byLanguage', key: 'fr' }, { table: 'byGroup', key: 'urn:coursepack:test:team-beta' }]));
});

test('funnel and drop-off per page match the pages each learner reached', () => {
  for (const step of report.funnel) {
    expect(step.learners).toBe(records.filter((r) => r.pagesSeen.includes(step.page)).length);
    expect(step.dropOff).toBe(records.filter((r) => !r.completed && r.pagesSeen[r.pagesSeen.length - 1] === step.page).length);
  }
  expect(report.funnel.reduce((s, p) => s + p.dropOff, 0)).toBe(records.filter((r) => !r.completed).length);
});

test('item analysis: responses, facility and discrimination of every question equal the test’s own figures', () => {
  const answered = new Set(records.flatMap((r) => [...r.answers.keys()]));
  expect(answered.size).toBeGreaterThan(10);
  for (const id of answered) {
    const q = report.questions.find((x) => x.id === id)!;
    const who = records.filter((r) => r.answers.has(id));
    expect(q.responses).toBe(who.length);
    expect(q.facility).toBeCloseTo((100 * who.filter((r) => r.answers.get(id)!.right).length) / who.length, 1);
    const pairs = who.flatMap((r): [number, number][] => {
      const rest = quizShare(r, id);
      return rest === null ? [] : [[r.answers.get(id)!.right ? 1 : 0, rest]];
    });
    const expected = correlation(pairs);
    if (expected === null) expect(q.discrimination).toBeNull();
    else expect(q.discrimination).toBeCloseTo(expected, 0);
  }
  // A single-choice question: the key counted once per right answer.
  const single = report.questions.find((q) => q.options.length > 2 && q.responses > 0 && q.role === 'quiz')!;
  const key = single.options.find((o) => o.correct)!;
  expect(key.count).toBe(records.filter((r) => r.answers.get(single.id)?.right).length);
});

test('quiz score distribution and survey answers', () => {
  const scores = records.filter((r) => r.completed).map((r) => 100 * quizShare(r)!);
  expect(report.scores.n).toBe(scores.length);
  for (const bin of report.scores.bins) expect(bin.count).toBe(scores.filter((s) => (bin.to === 100 ? s >= bin.from : s >= bin.from && s < bin.to)).length);
  const likert = report.survey.filter((s) => s.type === 'likert');
  expect(likert.length).toBeGreaterThan(0);
  for (const item of likert) {
    const n = records.filter((r) => r.surveyAnswered.includes(item.id)).length;
    expect(item.n).toBe(n);
    // The scripted learner picks the fourth point of every scale.
    expect(item.distribution.map((d) => d.count)).toEqual(item.distribution.map((_, i) => (i === 3 ? n : 0)));
  }
  const open = report.survey.find((s) => s.type === 'open')!;
  expect(open.comments.length).toBe(records.filter((r) => r.surveyAnswered.includes(open.id)).length);
  expect(open.comments.map((c) => c.lang)).toEqual(records.filter((r) => r.surveyAnswered.includes(open.id)).map((r) => r.plan.lang).sort());
  expect(JSON.stringify(open.comments)).not.toMatch(/pilot-/);
});

/** A figure the report rounds to one decimal, against the test's unrounded one: equal up to that rounding. */
function expectRounded(actual: number | null, expected: number | null): void {
  if (expected === null) return void expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(0.05 + 1e-9);
}

const middle = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : null;
};

const verbOf = (s: Record<string, any>) => String(s.verb.id).replace(/^.*[/#]/, '');

/**
 * Minutes per lesson of one learner, from the timestamps of their statements in the LRS: a page's
 * time runs from its `experienced` to the next page or the session's end (suspended/terminated);
 * a gap over 30 minutes is a pause and counts for nothing (docs/report.md).
 */
function minutesPerLesson(statements: Record<string, any>[]): { lessons: Map<string, number>; pauses: number } {
  const lessonOf = (page: string) => course.lessons[course.pages.find((p) => p.id === page)!.lesson]!.id;
  const marks = statements
    .map((s) => ({ verb: verbOf(s), page: /\/pages\/([^/]+)$/.exec(String(s.object.id))?.[1], at: Date.parse(s.timestamp) }))
    .filter((m) => (m.verb === 'experienced' && m.page) || m.verb === 'suspended' || m.verb === 'terminated')
    .sort((a, b) => a.at - b.at);
  const lessons = new Map<string, number>();
  let pauses = 0;
  marks.forEach((m, i) => {
    const next = marks[i + 1];
    if (m.verb !== 'experienced' || !next) return;
    const minutes = (next.at - m.at) / 60000;
    if (minutes > 30) return void pauses++;
    const lesson = lessonOf(decodeURIComponent(m.page!));
    lessons.set(lesson, (lessons.get(lesson) ?? 0) + minutes);
  });
  return { lessons, pauses };
}

test('time per lesson: learners and median minutes equal the test’s own sums of the statements’ timestamps', () => {
  const perLearner = records.map((r) => minutesPerLesson(stored.get(r)!));
  // The weak learner's 45-minute pause is in the statements, and left out of the sums.
  expect(perLearner[records.findIndex((r) => r.plan.name === 'pilot-weak')]!.pauses).toBe(1);
  expect(report.lessons.map((l) => l.id)).toEqual(course.lessons.map((l) => l.id));
  for (const lesson of report.lessons) {
    const minutes = perLearner.flatMap((p) => (p.lessons.has(lesson.id) ? [p.lessons.get(lesson.id)!] : []));
    expect(lesson.learners).toBe(minutes.length);
    expectRounded(lesson.medianMinutes, middle(minutes));
  }
  // The simulated reading made real minutes, so the medians compared above are not all zero.
  const first = report.lessons[0]!;
  expect(first.medianMinutes).toBeGreaterThan(5);
});

test('the score median, and the data’s extent: statements, latest stored time, course, thresholds', () => {
  const scores = records.filter((r) => r.completed).map((r) => 100 * quizShare(r)!);
  expectRounded(report.scores.median, middle(scores));
  const all = [...stored.values()].flat();
  expect(report.statements).toBe(all.length);
  expect(report.dataThrough).toBe(new Date(Math.max(...all.map((s) => Date.parse(s.stored)))).toISOString());
  expect(report.course).toEqual({ id: course.id, title: course.title, lang: course.lang });
  expect({ minCell: report.minCell, minResponses: report.minResponses }).toEqual({ minCell: MIN_CELL, minResponses: MIN_RESPONSES });
});

/**
 * The strongest and weakest thirds by quiz score (share right of the drawn questions), among the
 * learners who answered the quiz; equal scores go by pseudonym, as docs/report.md says.
 */
function thirds(): { top: Set<PilotRecord>; bottom: Set<PilotRecord> } {
  const ranked = records.filter((r) => quizShare(r) !== null).sort((a, b) => quizShare(b)! - quizShare(a)! || pseudonym.get(a)!.localeCompare(pseudonym.get(b)!));
  const third = Math.floor(ranked.length / 3);
  return { top: new Set(ranked.slice(0, third)), bottom: new Set(third ? ranked.slice(-third) : []) };
}

/** The test's own flags of a question, from its own facility, discrimination and option counts. */
function expectedFlags(id: string, who: PilotRecord[], top: Set<PilotRecord>, bottom: Set<PilotRecord>): string[] {
  if (who.length < MIN_RESPONSES) return [];
  const flags: string[] = [];
  const facility = (100 * who.filter((r) => r.answers.get(id)!.right).length) / who.length;
  if (facility >= 90) flags.push('too-easy');
  if (facility <= 20) flags.push('too-hard');
  const discrimination = correlation(who.flatMap((r): [number, number][] => (quizShare(r, id) === null ? [] : [[r.answers.get(id)!.right ? 1 : 0, quizShare(r, id)!]])));
  if (discrimination !== null && discrimination < 0) flags.push('negative-discrimination');
  else if (discrimination !== null && discrimination < 20) flags.push('weak-discrimination');
  const wrongChosen = new Set(who.flatMap((r) => (r.answers.get(id)!.right ? [] : r.answers.get(id)!.chosen)));
  const key = report.questions.find((q) => q.id === id)!.options.filter((o) => o.correct).map((o) => o.id);
  const strongPull = [...wrongChosen].some((o) => !key.includes(o) && who.filter((r) => top.has(r) && r.answers.get(id)!.chosen.includes(o)).length > who.filter((r) => bottom.has(r) && r.answers.get(id)!.chosen.includes(o)).length);
  if (strongPull) flags.push('distractor-attracts-strong');
  return flags;
}

test('options: how many chose each, and how many of the strongest and weakest thirds; flags per question', () => {
  const { top, bottom } = thirds();
  expect(top.size).toBeGreaterThan(0);
  for (const q of report.questions) {
    const who = records.filter((r) => r.answers.has(q.id));
    if (!who.length) expect({ responses: q.responses, facility: q.facility, discrimination: q.discrimination }).toEqual({ responses: 0, facility: null, discrimination: null });
    const counted = (o: string, among: (r: PilotRecord) => boolean) => who.filter((r) => among(r) && r.answers.get(q.id)!.chosen.includes(o)).length;
    expect(q.options.map((o) => [o.id, o.count, o.top, o.bottom])).toEqual(q.options.map((o) => [o.id, counted(o.id, () => true), counted(o.id, (r) => top.has(r)), counted(o.id, (r) => bottom.has(r))]));
    expect(q.flags).toEqual(expectedFlags(q.id, who, top, bottom));
    // The lesson a question belongs to is its page's lesson in the course.
    const runtime = course.questions.find((x) => x.id === q.id)!;
    expect(q.lesson).toBe(course.lessons[course.pages[runtime.page]!.lesson]!.id);
  }
  // Some options were actually ticked by a third, so the comparison above is not of zeros only.
  expect(report.questions.some((q) => q.options.some((o) => o.top > 0) && q.options.some((o) => o.bottom > 0))).toBe(true);
});

/** An objective's first answers (to every question that names it), the share right, and whether it is learnt. */
function objectiveFigures(id: string): { responses: number; mastery: number | null; flagged: boolean } {
  const answers = records.flatMap((r) => [...r.answers].filter(([q]) => assesses.get(q)?.includes(id)).map(([, a]) => a));
  const mastery = answers.length ? (100 * answers.filter((a) => a.right).length) / answers.length : null;
  return { responses: answers.length, mastery, flagged: mastery !== null && answers.length >= MIN_RESPONSES && mastery < 60 };
}

test('objectives: responses and mastery from the first answers to the questions that assess each, and the flag', () => {
  expect(report.objectives.length).toBeGreaterThan(5);
  for (const o of report.objectives) {
    const expected = objectiveFigures(o.id);
    expect(o.responses).toBe(expected.responses);
    expectRounded(o.mastery, expected.mastery);
    expect(o.flag).toBe(expected.flagged ? 'not-mastered' : undefined);
  }
  expect(report.objectives.filter((o) => o.responses >= MIN_RESPONSES).length).toBeGreaterThan(3);
});

test('what to revise: exactly the flagged questions, options, objectives and pages, with the figures', () => {
  const { top, bottom } = thirds();
  const expected: { kind: string; ref: string }[] = [];
  for (const q of report.questions) {
    for (const f of expectedFlags(q.id, records.filter((r) => r.answers.has(q.id)), top, bottom)) expected.push({ kind: f.startsWith('distractor') ? 'distractor' : 'question', ref: q.id });
  }
  for (const o of report.objectives) if (objectiveFigures(o.id).flagged) expected.push({ kind: 'objective', ref: o.id });
  const launched = records.length;
  const stops = course.pages.map((p) => ({ page: p.id, n: records.filter((r) => !r.completed && r.pagesSeen[r.pagesSeen.length - 1] === p.id).length }));
  for (const s of stops) if (s.n >= Math.max(MIN_CELL, 0.2 * launched)) expected.push({ kind: 'page', ref: s.page });
  expect(report.revise.map(({ kind, ref }) => ({ kind, ref }))).toEqual(expected);
  expect(expected.filter((e) => e.kind === 'page')).toHaveLength(1);
  for (const item of report.revise) {
    if (item.kind !== 'page') expect(item.message).toContain(item.ref);
    if (item.kind === 'objective') expect(item.message).toContain(`${report.objectives.find((o) => o.id === item.ref)!.mastery}%`);
    if (item.kind === 'page') expect(item.message).toContain(`${stops.find((s) => s.page === item.ref)!.n} of ${launched}`);
  }
});

test('a second sync adds nothing', async () => {
  const again = await cli(['report', 'sync', DEFAULT_COURSE, '--lrs', lrs.endpoint, '--key', reader.key, '--secret', reader.secret, '--db', 'pilot.duckdb']);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/^0 new statement\(s\)/m);
  expect(report.statements).toBeGreaterThan(100);
  expect(again.stdout).toContain(`, ${report.statements} in pilot.duckdb`);
});

/** A proxy in front of the LRS that answers 503 to every request after the first `healthy`, until healed. */
async function breakingProxy(healthy: number): Promise<{ url: string; server: Server; heal(): void }> {
  const target = new URL(lrs.endpoint);
  let seen = 0;
  let broken = true;
  const server = createServer((req, res) => {
    if (++seen > healthy && broken) return void res.writeHead(503).end('maintenance');
    const out = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(out);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}${target.pathname}`, server, heal: () => (broken = false) };
}

test('paging with `more`, and a sync the LRS breaks off resumes with no duplicate', async () => {
  const db = await PilotDatabase.open(path.join(work, 'paged.duckdb'));
  const source = { key: reader.key, secret: reader.secret, limit: 25, attempts: 2, retryDelayMs: 5 };
  const broken = await breakingProxy(2);
  await expect(syncFromLrs(db, { ...source, endpoint: broken.url })).rejects.toBeInstanceOf(SyncInterrupted);
  const kept = await db.count(); // the pages read before the LRS failed stay
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(report.statements);
  broken.heal();
  const resumed = await syncFromLrs(db, { ...source, endpoint: broken.url });
  broken.server.close();
  expect(resumed.requests).toBeGreaterThan(2);
  expect(await db.count()).toBe(report.statements);
  const [dupes] = await db.rows<{ n: number }>('SELECT count(*) - count(DISTINCT id) AS n FROM statements');
  expect(dupes!.n).toBe(0);
  // The resumed run went on from the next page: nothing read before was fetched again.
  expect(kept + resumed.fetched).toBe(report.statements);
  db.close();
});

/**
 * axe's WCAG 2.1 AA violations. axe leaves the contrast of one-character cells (a count of 3)
 * undecided ("too short"); for those the test works the ratio out itself from the computed colours.
 */
async function accessibilityProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const line of await axeViolations(page)) {
    const short = /^color-contrast \(needs review\): (.+?) — .*too short to determine/.exec(line);
    if (!short) {
      problems.push(line);
      continue;
    }
    const ratio = await page.evaluate((selector) => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
      };
      const el = document.querySelector(selector)!;
      let bg: HTMLElement | null = el as HTMLElement;
      while (bg && (getComputedStyle(bg).backgroundColor === 'rgba(0, 0, 0, 0)' || getComputedStyle(bg).backgroundColor === 'transparent')) bg = bg.parentElement;
      const [a, b] = [luminance(rgb(getComputedStyle(el).color)), luminance(rgb(bg ? getComputedStyle(bg).backgroundColor : 'rgb(255,255,255)'))];
      return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }, short[1]!);
    if (ratio < 4.5) problems.push(`${short[1]}: contrast ${ratio.toFixed(2)} < 4.5`);
  }
  return problems;
}

test('report.html opens offline: zero requests outside the file, zero axe violations', async () => {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const file = `file://${path.join(work, 'out', 'report.html')}`;
  await page.goto(file);
  expect(requests).toEqual([file]);
  await page.context().close();
  // axe is injected as a script, which the report's own CSP (rightly) forbids.
  const audited = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
  await audited.goto(file);
  expect(await accessibilityProblems(audited)).toEqual([]);
  await audited.setViewportSize({ width: 360, height: 800 });
  expect(await accessibilityProblems(audited)).toEqual([]);
  await audited.screenshot({ path: path.join(work, 'report-360.png') });
  await audited.context().close();
});
