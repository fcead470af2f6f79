import type { Browser } from 'playwright-core';
import { compile } from '../../src/compiler';
import { launchBrowser } from './browser';
import { FaultJourneys, sameProgress, type Course } from './lms/fault-journeys';
import { startTestLms, type TestLms } from './lms/lms-server';
import { moodleViolations } from './lms/moodle-profile';
import { truthOf } from './lms/progress-audit';

/** Issue 10 on the flagship course: EN on SCORM 1.2 and FR on SCORM 2004, under two bad LMSes. */
let browser: Browser;
let lms: TestLms;
let journeys: FaultJourneys;
let mastery: number;

beforeAll(async () => {
  const [{ packages, models }, b, l] = await Promise.all([compile('courses/un-migration-cca-cf', { targets: ['scorm12', 'scorm2004'] }), launchBrowser(), startTestLms()]);
  [browser, lms, mastery] = [b, l, models[0]!.masteryScore!];
  journeys = new FaultJourneys(browser, lms);
  for (const pkg of packages) await lms.mountZip(`pkg/${pkg.lang}-${pkg.target}`, pkg.zip);
}, 120000);

afterAll(async () => {
  if (journeys?.tally.length) console.log(journeys.report());
  await browser?.close();
  await lms?.close();
});

describe.each([
  ['en', 'scorm12'],
  ['fr', 'scorm2004'],
] as const)('flagship %s %s', (lang, standard) => {
  const course = (): Course => ({ pkg: `${lang}-${standard}`, standard, mastery });

  test('Moodle-like client whose session expires mid-course: told in the course language, resumed with every answer', async () => {
    const device = await journeys.device();
    const learner = `flagship-${lang}-expire`;
    const first = await journeys.launch(device, course(), learner, { client: 'moodle', expire: 30 });
    await journeys.walk(first, 6);
    await journeys.notice(first, 'sessionExpired');
    const left = await journeys.closeTab(first);
    await journeys.audit('expired, tab closed', first, left);

    const second = await journeys.launch(device, course(), learner, { client: 'moodle' });
    await journeys.notice(second, 'restoredFromDevice');
    expect(sameProgress(left, await truthOf(second.frame))).toBe(true);
    await journeys.walk(second, 3);
    const done = await journeys.saveAndExit(second);
    expect(await journeys.audit('after relaunch', second, done)).toEqual([]);
    const calls = await second.calls();
    expect(calls.filter((c) => c.error !== '0')).toEqual([]);
    expect(moodleViolations(calls, standard)).toEqual([]);
    await device.close();
  }, 240000);

  test('scorm-again with flaky commits and 100 ms per call: nothing lost at exit, resumed after', async () => {
    const device = await journeys.device();
    const { lost, resumed, visit } = await journeys.leaveAndRelaunch(device, course(), `flagship-${lang}-flaky`, { flaky: 0.5, slow: 100, seed: 3 }, 5);
    expect(lost).toEqual([]);
    expect(resumed).toBe(true);
    await journeys.leaveFrame(visit);
    await device.close();
  }, 240000);
});
