/**
 * Tin Can (xAPI) package of the default course against a real LRS (LearningLocker xapi-statements,
 * in memory, real Basic auth) with the TEST State/Agent Profile store: complete and pass, fail,
 * leave and resume from the State API, and an LRS outage with a reload in the middle.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { CourseData } from '../../src/contract/course-data';
import { XAPI } from '../../src/standards/xapi';
import { eventually, pageIndex, ready, unsent, walk } from '../lrs/journey';
import { buildDefaultCourse } from '../lrs/packages';
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

beforeAll(async () => {
  lrs = await startTestLrs();
  web = await startStaticServer();
  const pkg = await buildDefaultCourse('xapi');
  data = pkg.data;
  await web.mountZip('xapi', pkg.zip);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  await lrs?.stop();
});

interface Learner {
  name: string;
  registration: string;
  url: string;
}

/** A learner enrolled by a Tin Can LMS: own credentials, registration and launch URL. */
function enrol(name: string, actor: object = { objectType: 'Agent', name, mbox: `mailto:${name}@example.org` }): Learner {
  const { authorization } = lrs.addCredential(name);
  const registration = randomUUID();
  const query = new URLSearchParams({ endpoint: lrs.endpoint, auth: authorization, actor: JSON.stringify(actor), registration, activity_id: data.activityId });
  return { name, registration, url: `${web.url}/xapi/index.html?${query}` };
}

async function open(learner: Learner): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(learner.url);
  await ready(page);
  return page;
}

/** Save and exit, then wait until the outbox on this device is empty. */
async function saveAndExit(page: Page): Promise<void> {
  await page.click('#cp-exit');
  await page.waitForFunction(() => Object.keys(localStorage).every((k) => !k.startsWith('coursepack:outbox:')));
}

const verb = (s: Record<string, any>) => String(s.verb.id).split('/').pop();
const verbs = (list: Record<string, any>[]) => list.map(verb);
const count = (list: Record<string, any>[], v: string) => verbs(list).filter((x) => x === v).length;

/** What must hold for any learner: accepted, valid, tied to the registration and the course. */
function expectWellFormed(learner: Learner, stored: Record<string, any>[]): void {
  const mine = (who: string) => who === learner.name || who === '?';
  expect(refused(lrs.log, mine)).toEqual([]);
  const sent = sentStatements(lrs.log, mine);
  expect(sent.length).toBeGreaterThan(0);
  expect(validationWarnings(sent)).toEqual([]);
  for (const s of stored) {
    expect(s.context.registration).toBe(learner.registration);
    expect(s.context.language).toBe('en');
    if (s.object.id !== data.activityId) expect(s.context.contextActivities.parent).toEqual([{ objectType: 'Activity', id: data.activityId }]);
  }
  expect(verb(stored[0]!)).toBe('initialized');
  expect(verb(stored[stored.length - 1]!)).toBe('terminated');
  expect(count(stored, 'launched')).toBe(0);
}

test('complete and pass: every page experienced, every question answered, completed and passed once', async () => {
  const learner = enrol('xapi-pass');
  const page = await open(learner);
  const answered = await walk(page, { quiz: 'pass' });
  await saveAndExit(page);
  const stored = await lrs.statements(learner.registration);
  expectWellFormed(learner, stored);
  expect(count(stored, 'experienced')).toBe(data.pages.length);
  expect(count(stored, 'answered')).toBe(answered.length);
  expect(count(stored, 'completed')).toBe(1);
  expect(count(stored, 'passed')).toBe(1);
  expect(count(stored, 'failed')).toBe(0);
  const passed = stored.find((s) => verb(s) === 'passed')!;
  expect(passed.result.success).toBe(true);
  expect(passed.result.score.scaled).toBeGreaterThanOrEqual(0.8);
  expect(passed.result.duration).toMatch(/^PT/);
  const progress = stored.filter((s) => verb(s) === 'progressed').map((s) => s.result.extensions[XAPI.progressExtension]);
  expect(progress.every(Number.isInteger)).toBe(true);
  // A choice question as a cmi.interaction with its components and key.
  const choice = stored.find((s) => verb(s) === 'answered' && s.object.definition.interactionType === 'choice')!;
  expect(choice.object.definition.type).toBe('http://adlnet.gov/expapi/activities/cmi.interaction');
  expect(choice.object.definition.choices.length).toBeGreaterThan(1);
  expect(choice.object.definition.correctResponsesPattern).toHaveLength(1);
  expect(choice.result.success).toBe(true);
  const survey = stored.find((s) => verb(s) === 'answered' && s.object.definition.interactionType === 'likert')!;
  expect(survey.object.definition.correctResponsesPattern).toBeUndefined();
  expect(survey.object.definition.scale.length).toBeGreaterThan(1);
  // The bookmark and what was sent are in the State API, per registration.
  const doc = await lrs.asLms('GET', 'activities/state', { activityId: data.activityId, agent: JSON.stringify({ mbox: 'mailto:xapi-pass@example.org' }), registration: learner.registration, stateId: XAPI.stateId });
  expect(doc.status).toBe(200);
  const state = JSON.parse(doc.body);
  expect(state.location).toBe(data.pages[data.pages.length - 1]!.id);
  expect(Object.keys(state.sent).sort()).toEqual(['completed', 'passed']);
  await page.context().close();
});

test('fail: failed with the score, completed, never passed; a 0.95 array actor is normalised', async () => {
  const learner = enrol('xapi-fail', { name: ['Ana Fail'], mbox: ['mailto:xapi-fail@example.org'] });
  const page = await open(learner);
  await walk(page, { quiz: 'fail' });
  await saveAndExit(page);
  const stored = await lrs.statements(learner.registration);
  expectWellFormed(learner, stored);
  expect(stored.every((s) => s.actor.mbox === 'mailto:xapi-fail@example.org' && s.actor.name === 'Ana Fail')).toBe(true);
  expect(count(stored, 'failed')).toBe(1);
  expect(count(stored, 'passed')).toBe(0);
  expect(count(stored, 'completed')).toBe(1);
  const failed = stored.find((s) => verb(s) === 'failed')!;
  expect(failed.result.success).toBe(false);
  expect(failed.result.score.scaled).toBeLessThan(0.8);
  expect(failed.result.completion).toBeUndefined();
  await page.context().close();
});

test('leave and resume: the bookmark and answers come back from the State API on another device', async () => {
  const learner = enrol('xapi-resume');
  const first = await open(learner);
  const answered = await walk(first, { quiz: 'pass', until: 7 });
  expect(answered.length).toBeGreaterThan(0);
  await first.close(); // closing the tab: pagehide sends suspended + terminated with keepalive
  await eventually(async () => verbs(await lrs.statements(learner.registration)), (v) => v.includes('terminated'));
  // A fresh browser context has no local copy: only the State API can restore the learner.
  const second = await open(learner);
  expect(await pageIndex(second)).toBe(7);
  const locked = await second.evaluate(() => Array.from(document.querySelectorAll<HTMLButtonElement>('#cp-page form[data-question] button[type=submit]')).every((b) => b.disabled));
  expect(locked).toBe(true);
  await walk(second, { quiz: 'pass' });
  await saveAndExit(second);
  const stored = await lrs.statements(learner.registration);
  expectWellFormed(learner, stored);
  expect(verbs(stored).filter((v) => ['initialized', 'resumed', 'suspended', 'terminated'].includes(v!))).toEqual(['initialized', 'suspended', 'terminated', 'initialized', 'resumed', 'terminated']);
  expect(count(stored, 'completed')).toBe(1);
  expect(count(stored, 'passed')).toBe(1);
  await second.context().close();
});

test('LRS unreachable for part of the session, with a reload: every statement stored exactly once', async () => {
  const learner = enrol('xapi-offline');
  const page = await open(learner);
  await walk(page, { quiz: 'pass', until: 3 });
  await eventually(() => unsent(page), (n) => n === 0);
  const outageStart = new Date().toISOString();
  lrs.setUnreachable(true);
  await walk(page, { quiz: 'pass', until: 8 });
  await eventually(() => page.textContent('#cp-save-state'), (t) => t === data.strings.offline);
  expect(await unsent(page)).toBeGreaterThan(0);
  await page.reload(); // the queue is in localStorage: the reload finds it
  await ready(page);
  expect(await pageIndex(page)).toBe(8);
  await walk(page, { quiz: 'pass', until: 10 });
  const outageEnd = new Date().toISOString();
  lrs.setUnreachable(false);
  await eventually(() => unsent(page), (n) => n === 0, 60000);
  await eventually(() => page.textContent('#cp-save-state'), (t) => t === data.strings.saved);
  await walk(page, { quiz: 'pass' });
  await saveAndExit(page);
  const stored = await lrs.statements(learner.registration);
  expectWellFormed(learner, stored);
  // Exactly once: every id sent is stored, and no event was stored twice under two ids.
  const sentIds = new Set(sentStatements(lrs.log, (w) => w === learner.name).map((s) => s.id));
  expect(new Set(stored.map((s) => s.id))).toEqual(sentIds);
  const events = stored.map((s) => `${s.verb.id} ${s.object.id} ${s.timestamp}`);
  expect(new Set(events).size).toBe(events.length);
  // Nothing lost, and statements made offline keep the time they happened.
  const experienced = stored.filter((s) => verb(s) === 'experienced');
  for (const p of data.pages) expect(experienced.some((s) => s.object.id.endsWith(`/pages/${p.id}`))).toBe(true);
  const offline = experienced.find((s) => s.object.id.endsWith(`/pages/${data.pages[6]!.id}`))!;
  expect(offline.timestamp > outageStart && offline.timestamp < outageEnd).toBe(true);
  expect(count(stored, 'initialized')).toBe(2);
  expect(count(stored, 'completed')).toBe(1);
  expect(count(stored, 'passed')).toBe(1);
  await page.context().close();
});
