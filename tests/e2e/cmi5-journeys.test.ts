/**
 * cmi5 package of the default course, launched by the TEST cmi5 LMS (fetch URL, LMS.LaunchData,
 * learner preferences, launched) against a real LRS (LearningLocker xapi-statements). After each
 * journey the LMS reads the registration's statements back and checks cmi5's ordering rules.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { CourseData } from '../../src/contract/course-data';
import { CMI5 } from '../../src/standards/cmi5';
import { XAPI } from '../../src/standards/xapi';
import { eventually, pageIndex, ready, unsent, walk } from '../lrs/journey';
import { buildDefaultCourse } from '../lrs/packages';
import { TestCmi5Lms, type Cmi5Launch, type LaunchOptions } from '../lrs/test-cmi5-lms';
import { startTestLrs, type TestLrs } from '../lrs/test-lrs-endpoint';
import { refused, sentStatements, validationWarnings } from '../lrs/validate';
import { launchBrowser } from './browser';
import { startStaticServer, type StaticServer } from './static-server';

// A journey walks all 45 pages in Chromium; on a busy 2-CPU machine that can take minutes.
jest.setTimeout(300000);

let lrs: TestLrs;
let web: StaticServer;
let browser: Browser;
let data: CourseData;
let publisherId: string;
/** One LMS per test: its own learner, so registrations and sessions never mix. */
let lms: TestCmi5Lms;

beforeAll(async () => {
  lrs = await startTestLrs();
  web = await startStaticServer();
  const pkg = await buildDefaultCourse('cmi5');
  data = pkg.data;
  publisherId = /<au id="([^"]+)"/.exec(await pkg.file('cmi5.xml'))![1]!;
  await web.mountZip('cmi5', pkg.zip);
  browser = await launchBrowser();
});

beforeEach(async () => {
  // The LMS generates the AU's activity id; cmi5 forbids it to equal the publisher's AU id.
  lms = new TestCmi5Lms(lrs, `${web.url}/cmi5/index.html`, `https://lms.example.org/activities/${randomUUID()}`, publisherId);
  await lms.start();
});

afterEach(() => lms.stop());

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await lrs?.stop();
});

async function open(launch: Cmi5Launch, page?: Page): Promise<Page> {
  const p = page ?? (await (await browser.newContext()).newPage());
  await p.goto(launch.url);
  await ready(p);
  return p;
}

const auSessions = (who: string) => who.startsWith('au-session-') || who === '?';
const verb = (s: Record<string, any>) => String(s.verb.id).split('/').pop();
/** cmi5 defined verbs in timestamp order, the LMS's abandoned included, its launched left out. */
const definedVerbs = (list: Record<string, any>[]) => list.filter((s) => (s.context?.contextActivities?.category ?? []).some((c: { id: string }) => c.id === CMI5.categories.cmi5) && verb(s) !== 'launched').map(verb);

/** The LMS's checks pass, every AU request was accepted, and every statement is valid xAPI. */
async function expectConformant(registration: string): Promise<Record<string, any>[]> {
  expect(await lms.violations(registration)).toEqual([]);
  expect(refused(lrs.log, auSessions)).toEqual([]);
  expect(validationWarnings(sentStatements(lrs.log, auSessions))).toEqual([]);
  return lrs.statements(registration);
}

async function saveAndExit(page: Page, launch: Cmi5Launch): Promise<void> {
  await page.click('#cp-exit');
  if (launch.returnURL) await page.waitForURL(launch.returnURL);
  else await eventually(() => unsent(page), (n) => n === 0);
}

test('complete and pass: launch sequence, defined statements in order, masteryScore honoured, returnURL', async () => {
  const launch = await lms.launch({ masteryScore: 0.8, withReturnURL: true });
  const page = await open(launch);
  await walk(page, { quiz: 'pass' });
  await saveAndExit(page, launch);
  expect(await page.textContent('h1')).toBe('Back in the LMS');
  const stored = await expectConformant(launch.registration);
  // The quiz comes before the survey page: passed as soon as it is scored, completed on the last page.
  expect(definedVerbs(stored)).toEqual(['initialized', 'passed', 'completed', 'terminated']);
  expect(lms.fetchCalls.get(launch.sessionId)).toBe(1);
  const passed = stored.find((s) => verb(s) === 'passed')!;
  expect(passed.context.extensions[CMI5.extensions.masteryScore]).toBe(0.8);
  expect(passed.result.score.scaled).toBeGreaterThanOrEqual(0.8);
  // cmi5 allowed statements carry the context template but not the cmi5 category.
  const answered = stored.filter((s) => verb(s) === 'answered');
  expect(answered.length).toBeGreaterThan(20);
  expect(answered.every((s) => s.context.extensions[CMI5.extensions.sessionId] === launch.sessionId)).toBe(true);
  await page.context().close();
});

test('fail: completed and failed, never passed, score below the LMS mastery score', async () => {
  const launch = await lms.launch({ masteryScore: 0.8 });
  const page = await open(launch);
  await walk(page, { quiz: 'fail' });
  await saveAndExit(page, launch);
  const stored = await expectConformant(launch.registration);
  expect(definedVerbs(stored)).toEqual(['initialized', 'failed', 'completed', 'terminated']);
  expect(stored.find((s) => verb(s) === 'failed')!.result.score.scaled).toBeLessThan(0.8);
  await page.context().close();
});

test('reload keeps the session (no second fetch); leave and resume restores the bookmark; nothing twice per registration', async () => {
  const first = await lms.launch({ masteryScore: 0.8 });
  const page = await open(first);
  await walk(page, { quiz: 'pass', until: 6 });
  await page.reload();
  await ready(page);
  expect(await pageIndex(page)).toBe(6);
  expect(lms.fetchCalls.get(first.sessionId)).toBe(1);
  await walk(page, { quiz: 'pass', until: 9 });
  await page.close(); // the tab closes for good: what is queued goes with keepalive, no terminated
  const lastSeen = `/pages/${data.pages[9]!.id}`;
  await eventually(async () => (await lrs.statements(first.registration)).some((s) => verb(s) === 'experienced' && s.object.id.endsWith(lastSeen)), (seen) => seen);

  const second = await lms.launch({ registration: first.registration, masteryScore: 0.8 });
  const again = await open(second); // another browser context: only the State API knows the bookmark
  expect(await pageIndex(again)).toBe(9);
  await walk(again, { quiz: 'pass' });
  await saveAndExit(again, second);

  const third = await lms.launch({ registration: first.registration, masteryScore: 0.8 });
  const review = await open(third);
  expect(await pageIndex(review)).toBe(data.pages.length - 1);
  await saveAndExit(review, third);

  const stored = await expectConformant(first.registration);
  // Session 1 was abandoned by the LMS (tab closed); sessions 2 and 3 end with terminated.
  expect(definedVerbs(stored)).toEqual(['initialized', 'abandoned', 'initialized', 'passed', 'completed', 'terminated', 'initialized', 'terminated']);
  expect(stored.filter((s) => verb(s) === 'resumed')).toHaveLength(2);
  await again.context().close();
  await review.context().close();
});

test('LRS unreachable for part of the session: after it returns every statement is stored once, in order', async () => {
  const launch = await lms.launch({ masteryScore: 0.8 });
  const page = await open(launch);
  await walk(page, { quiz: 'pass', until: 3 });
  await eventually(() => unsent(page), (n) => n === 0);
  lrs.setUnreachable(true);
  await walk(page, { quiz: 'pass', until: 8 });
  await eventually(() => page.textContent('#cp-save-state'), (t) => t === data.strings.offline);
  await page.reload(); // same session: the token and the queue survive the reload
  await ready(page);
  await walk(page, { quiz: 'pass', until: 10 });
  lrs.setUnreachable(false);
  await eventually(() => unsent(page), (n) => n === 0, 60000);
  await walk(page, { quiz: 'pass' });
  await saveAndExit(page, launch);
  const stored = await expectConformant(launch.registration);
  const sentIds = new Set(sentStatements(lrs.log, (w) => w === `au-session-${launch.sessionId}`).map((s) => s.id));
  expect(new Set(stored.filter((s) => verb(s) !== 'launched').map((s) => s.id))).toEqual(sentIds);
  const events = stored.map((s) => `${s.verb.id} ${s.object.id} ${s.timestamp}`);
  expect(new Set(events).size).toBe(events.length);
  for (const p of data.pages) expect(stored.some((s) => verb(s) === 'experienced' && s.object.id.endsWith(`/pages/${p.id}`))).toBe(true);
  expect(definedVerbs(stored)).toEqual(['initialized', 'passed', 'completed', 'terminated']);
  expect(lms.fetchCalls.get(launch.sessionId)).toBe(1);
  await page.context().close();
});

test('Browse mode: initialized and terminated only, and the learner record is left alone', async () => {
  const options: LaunchOptions = { mode: 'Browse', masteryScore: 0.8 };
  const launch = await lms.launch(options);
  const page = await open(launch);
  await walk(page, { quiz: 'pass' });
  await saveAndExit(page, launch);
  const stored = await expectConformant(launch.registration);
  expect(definedVerbs(stored)).toEqual(['initialized', 'terminated']);
  const doc = await lrs.asLms('GET', 'activities/state', { activityId: lms.activityId, agent: JSON.stringify(lms.actor), registration: launch.registration, stateId: XAPI.stateId });
  expect(doc.status).toBe(404);
  await page.context().close();
});
