import type { Browser } from 'playwright-core';
import { compile } from '../../src/compiler';
import { launchBrowser } from './browser';
import { FaultJourneys, sameProgress, type Course, type Profile, type Standard } from './lms/fault-journeys';
import { startTestLms, type TestLms } from './lms/lms-server';
import { moodleViolations } from './lms/moodle-profile';
import { truthOf } from './lms/progress-audit';

/**
 * Issue 10: under LMSes that misbehave, the learner loses nothing. Each journey compares what the
 * LMS finally holds with what the learner did, on scorm-again (every element sent at each commit)
 * and on a Moodle-like client (2004: only elements that differ from their launch value are sent).
 */
const COURSE = 'tests/fixtures/courses/all-types';
// Each journey launches the course two or three times; a shared, loaded machine can take minutes.
jest.setTimeout(180000);
let browser: Browser;
let lms: TestLms;
let journeys: FaultJourneys;
let mastery: number;

beforeAll(async () => {
  const [{ packages, models }, b, l] = await Promise.all([compile(COURSE, { targets: ['scorm12', 'scorm2004'], languages: ['en'] }), launchBrowser(), startTestLms()]);
  [browser, lms, mastery] = [b, l, models[0]!.masteryScore!];
  journeys = new FaultJourneys(browser, lms);
  for (const pkg of packages) await lms.mountZip(`pkg/${pkg.target}`, pkg.zip);
}, 60000);

afterAll(async () => {
  if (journeys?.tally.length) console.log(journeys.report());
  await browser?.close();
  await lms?.close();
});

const matrix: [Standard, string][] = [
  ['scorm12', 'scorm-again'],
  ['scorm2004', 'scorm-again'],
  ['scorm12', 'moodle'],
  ['scorm2004', 'moodle'],
];

describe.each(matrix)('%s, %s client', (standard, client) => {
  const course = (): Course => ({ pkg: standard, standard, mastery });
  const id = (name: string) => `${standard}-${client}-${name}`;
  const profile = (p: Profile): Profile => ({ client, ...p });

  test('flaky commit (~50 % of Commit and Finish fail): nothing lost at exit, none after relaunch', async () => {
    const device = await journeys.device();
    const learner = id('flaky');
    const { lost, resumed, visit: second } = await journeys.leaveAndRelaunch(device, course(), learner, profile({ flaky: 0.5, seed: 7 }), 4);
    expect(lost).toEqual([]);
    expect(resumed).toBe(true);
    await journeys.walk(second, 2);
    const done = await journeys.saveAndExit(second);
    expect(await journeys.audit('after relaunch', second, done)).toEqual([]);
    await device.close();
  });

  test.each([
    ['general failures', {}],
    ['"not initialized"', { closed: 1 }],
  ])('session expires mid-course (%s): the learner is told, the next launch lands where they left and sends it all', async (_, variant) => {
    const device = await journeys.device();
    const learner = id(`expire${'closed' in variant ? '-closed' : ''}`);
    const first = await journeys.launch(device, course(), learner, profile({ expire: 40, ...variant }));
    await journeys.walk(first, 5);
    await journeys.notice(first, 'sessionExpired');
    const calls = await first.calls();
    const left = await journeys.closeTab(first);
    await journeys.audit('expired, tab closed', first, left);
    // No hammering: three failures in a row and one probing read, then the runtime leaves the API alone.
    const failed = calls.filter((c) => c.error !== '0');
    expect(failed.length).toBeLessThanOrEqual(4);

    const second = await journeys.launch(device, course(), learner, profile({}));
    await journeys.notice(second, 'restoredFromDevice');
    expect(sameProgress(left, await truthOf(second.frame))).toBe(true);
    const done = await journeys.saveAndExit(second);
    expect(await journeys.audit('after relaunch', second, done)).toEqual([]);
    const healthy = await second.calls();
    expect(healthy.filter((c) => c.error !== '0')).toEqual([]);
    expect(moodleViolations(healthy, standard)).toEqual([]);
    await device.close();
  });

  test('Save and exit after the session expired says the progress waits on this device; on a healthy LMS it says saved', async () => {
    const device = await journeys.device();
    const learner = id('expire-exit');
    const first = await journeys.launch(device, course(), learner, profile({ expire: 40 }));
    await journeys.walk(first, 5);
    await journeys.notice(first, 'sessionExpired');
    await first.frame.locator('#cp-exit').click();
    await journeys.notice(first, 'exitedOnDevice');
    await first.page.close();

    const second = await journeys.launch(device, course(), learner, profile({}));
    await journeys.notice(second, 'restoredFromDevice');
    await second.frame.locator('#cp-exit').click();
    await journeys.notice(second, 'exited');
    await device.close();
  });

  test('100 ms per API call: nothing lost, no error code', async () => {
    const device = await journeys.device();
    const learner = id('slow');
    const visit = await journeys.launch(device, course(), learner, profile({ slow: 100 }));
    await journeys.walk(visit, 4);
    const calls = await visit.calls();
    const left = await journeys.leaveFrame(visit);
    expect(await journeys.audit('after exit', visit, left)).toEqual([]);
    expect(calls.filter((c) => c.error !== '0')).toEqual([]);
    await device.close();
  });

  test('tab closed 100 ms after Submit: the answer is at the LMS already', async () => {
    const device = await journeys.device();
    for (let run = 0; run < 3; run++) {
      const learner = id(`fast-close-${run}`);
      const visit = await journeys.launch(device, course(), learner, profile({}));
      await visit.learner.next();
      const form = visit.frame.locator('#cp-page form[data-question]').first();
      await form.locator('label').first().click();
      await form.getByRole('button', { name: 'Submit', exact: true }).click();
      const left = await journeys.closeTab(visit, 100);
      expect(await journeys.audit('tab closed', visit, left)).toEqual([]);
    }
    await device.close();
  });

  test('Cornerstone-style LMS (Commit ignored until Terminate): exit stores it; a lost close is sent at relaunch', async () => {
    const device = await journeys.device();
    const learner = id('cornerstone');
    const faults = profile({ ignorecommit: 1 });
    const { lost, resumed, visit: second } = await journeys.leaveAndRelaunch(device, course(), learner, faults, 3);
    expect(lost).toEqual([]);
    expect(resumed).toBe(true);
    await journeys.walk(second, 2);
    const closed = await journeys.closeTab(second);
    await journeys.audit('tab closed', second, closed);

    const third = await journeys.launch(device, course(), learner, faults);
    expect(sameProgress(closed, await truthOf(third.frame))).toBe(true);
    const done = await journeys.saveAndExit(third);
    expect(await journeys.audit('after relaunch', third, done)).toEqual([]);
    await device.close();
  });
});

test('learners sharing a browser never get each other’s progress', async () => {
  const device = await journeys.device();
  const course: Course = { pkg: 'scorm2004', standard: 'scorm2004', mastery };
  const a = await journeys.launch(device, course, 'shared-a', { expire: 30 });
  await journeys.walk(a, 3);
  await journeys.closeTab(a);
  const b = await journeys.launch(device, course, 'shared-b', {});
  const fresh = await truthOf(b.frame);
  expect(fresh.page).toBe(0);
  expect(fresh.answers.every((x) => x === null)).toBe(true);
  expect(await b.frame.getByText('Your latest progress was kept on this device').count()).toBe(0);
  await device.close();
});
