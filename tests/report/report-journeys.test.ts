/**
 * The pilot report against a real LRS (LearningLocker xapi-statements behind the test endpoint),
 * filled by scripted learners taking the flagship's Tin Can package in Chromium. The test records
 * what each learner did and computes the report's figures itself, then compares them with
 * report.json; it also syncs twice, pages with `more`, and resumes a sync the LRS broke off.
 */
import { execFile } from 'node:child_process';
import { createServer, request, type Server } from 'node:http';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { RuntimeQuestion } from '../../src/contract/course-data';
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

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('node', [CLI, ...args], { cwd: work }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }));
  });
}

/** A stable 0..1 number per learner and question, so "right" is chosen, not random. */
const chance = (who: string, id: string) => [...`${who}/${id}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) / 2 ** 32;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'coursepack-report-'));
  lrs = await startTestLrs();
  web = await startStaticServer();
  const en = await buildDefaultCourse('xapi', 'en');
  const fr = await buildDefaultCourse('xapi', 'fr');
  mastery = en.data.mastery ?? 80;
  await web.mountZip('en', en.zip);
  await web.mountZip('fr', fr.zip);
  browser = await launchBrowser();
  const token = Buffer.from(lrs.addCredential('report-reader').token, 'base64').toString();
  reader = { key: token.split(':')[0]!, secret: token.split(':')[1]! };
  const alpha = 'urn:coursepack:test:team-alpha';
  const beta = 'urn:coursepack:test:team-beta';
  const plans = [
    { name: 'pilot-strong', lang: 'en', team: alpha, right: () => true },
    { name: 'pilot-middle', lang: 'en', team: alpha, right: (q: RuntimeQuestion) => chance('middle', q.id) < 0.75 },
    { name: 'pilot-weak', lang: 'en', team: alpha, right: (q: RuntimeQuestion) => chance('weak', q.id) < 0.4 },
    { name: 'pilot-early', lang: 'en', team: alpha, stopAfter: 6, right: () => true },
    { name: 'pilot-later', lang: 'en', team: alpha, stopAfter: 12, right: () => true },
    { name: 'pilot-fr', lang: 'fr', team: beta, stopAfter: 4, right: () => true },
  ];
  records = [];
  for (const plan of plans) records.push(await runPilotLearner(browser, lrs, `${web.url}/${plan.lang}/index.html`, plan));
  const synced = await cli(['report', 'sync', DEFAULT_COURSE, '--lrs', lrs.endpoint, '--key', reader.key, '--secret', reader.secret, '--db', 'pilot.duckdb']);
  expect(synced.stderr).toBe('');
  expect(synced.code).toBe(0);
  const built = await cli(['report', 'build', DEFAULT_COURSE, '--db', 'pilot.duckdb', '--out', 'out', '--min-cell', '3']);
  expect(built.stderr).toBe('');
  expect(built.code).toBe(0);
  report = JSON.parse(await fs.readFile(path.join(work, 'out', 'report.json'), 'utf8'));
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
  expect(JSON.stringify(open.comments)).not.toMatch(/pilot-/);
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
