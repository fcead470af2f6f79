import type { Browser, Page } from 'playwright-core';
import { compile } from '../../src/compiler';
import { launchBrowser } from './browser';
import { Learner } from './learner';
import { startTestLms, type TestLms } from './lms/lms-server';
import { moodleViolations } from './lms/moodle-profile';

const COURSE = 'tests/fixtures/courses/all-types';
type Standard = 'scorm12' | 'scorm2004';

let browser: Browser;
let lms: TestLms;
let mastery: number;

beforeAll(async () => {
  const [{ packages, models }, b, l] = await Promise.all([compile(COURSE, { targets: ['scorm12', 'scorm2004'], languages: ['en'] }), launchBrowser(), startTestLms()]);
  browser = b;
  lms = l;
  mastery = models[0]!.masteryScore!;
  for (const pkg of packages) await lms.mountZip(`pkg/${pkg.target}`, pkg.zip);
});

afterAll(async () => {
  await browser?.close();
  await lms?.close();
});

interface Session {
  page: Page;
  learner: Learner;
  calls: () => Promise<{ fn: string; args: string[]; result: string; error: string }[]>;
}

async function launch(standard: Standard, learnerId: string, mode?: string): Promise<Session> {
  const page = await browser.newPage();
  if (process.env.DEBUG_E2E) {
    page.on('console', (m) => console.log(`[${standard}] ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[${standard}] pageerror: ${e.message}`));
  }
  await page.goto(lms.launchUrl(standard, standard, learnerId, mastery, mode));
  const frame = page.frameLocator('#sco');
  await frame.locator('#cp-page h1').waitFor();
  const learner = new Learner(page.frame({ url: /index\.html/ })!);
  await learner.start();
  return { page, learner, calls: () => page.evaluate(() => (window as any).lmsCalls) };
}

/**
 * Learner closes the tab a moment after their last action. What must survive is what the runtime
 * committed at its checkpoints (item 29: the unload-time Terminate may never reach the server —
 * here it goes by beacon, which headless Chromium often drops while closing). The runtime spaces
 * commits 500 ms apart, so the pause covers its trailing commit.
 */
async function closeTab(s: Session): Promise<void> {
  await new Promise((r) => setTimeout(r, 700));
  await s.page.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 300));
}

async function walkCourse(learner: Learner, right: boolean): Promise<void> {
  const data = await learner.data();
  for (let i = 0; i < data.pages.length; i++) {
    await learner.answerPage((q) => (q.role === 'quiz' ? right : true));
    if (i < data.pages.length - 1) await learner.next();
  }
}

function cmiValue(standard: Standard, record: any, path12: string, path2004: string): unknown {
  const path = (standard === 'scorm12' ? path12 : path2004).split('.');
  return path.reduce((node, key) => node?.[key], record.cmi);
}

describe.each<Standard>(['scorm12', 'scorm2004'])('%s under scorm-again (strict, autocommit off)', (standard) => {
  test('complete everything and pass: status and score follow the course rules, no error code', async () => {
    const s = await launch(standard, `${standard}-pass`);
    await walkCourse(s.learner, true);
    const calls = await s.calls();
    await closeTab(s);
    expect(calls.filter((c) => c.error !== '0')).toEqual([]);
    expect(moodleViolations(calls, standard)).toEqual([]);
    expect(calls.filter((c) => /Initialize/.test(c.fn))).toHaveLength(1);
    const record = lms.records.get(`${standard}-pass`)!;
    if (standard === 'scorm12') {
      expect(cmiValue(standard, record, 'core.lesson_status', '')).toBe('passed');
      expect(Number(cmiValue(standard, record, 'core.score.raw', ''))).toBe(100);
    } else {
      expect(cmiValue(standard, record, '', 'completion_status')).toBe('completed');
      expect(cmiValue(standard, record, '', 'success_status')).toBe('passed');
      expect(Number(cmiValue(standard, record, '', 'score.scaled'))).toBe(1);
    }
    const interactions = calls.filter((c) => /SetValue/.test(c.fn) && /^cmi\.interactions\.\d+\.id$/.test(c.args[0]!));
    expect(interactions.length).toBeGreaterThanOrEqual(12);
  });

  test('fail the quiz: 1.2 failed, 2004 completed + failed', async () => {
    const s = await launch(standard, `${standard}-fail`);
    await walkCourse(s.learner, false);
    const calls = await s.calls();
    await closeTab(s);
    expect(calls.filter((c) => c.error !== '0')).toEqual([]);
    expect(moodleViolations(calls, standard)).toEqual([]);
    const record = lms.records.get(`${standard}-fail`)!;
    if (standard === 'scorm12') {
      expect(cmiValue(standard, record, 'core.lesson_status', '')).toBe('failed');
    } else {
      expect(cmiValue(standard, record, '', 'completion_status')).toBe('completed');
      expect(cmiValue(standard, record, '', 'success_status')).toBe('failed');
    }
  });

  test('leave midway by closing the tab, relaunch: same page, answers kept, still incomplete', async () => {
    const id = `${standard}-resume`;
    const first = await launch(standard, id);
    await first.learner.next(); // choices page
    const answered = await first.learner.answerPage(true);
    await first.learner.next(); // true/false page
    await first.learner.answerPage(false);
    const leftOn = await first.learner.pageId();
    const firstCalls = await first.calls();
    await closeTab(first);
    expect(firstCalls.filter((c) => c.error !== '0')).toEqual([]);
    const record = lms.records.get(id)!;
    expect(record.exit).toBe('suspend');
    expect(cmiValue(standard, record, 'core.lesson_status', 'completion_status')).toBe('incomplete');

    const second = await launch(standard, id);
    expect(await second.learner.pageId()).toBe(leftOn);
    const forms = second.learner.frame.locator('#cp-page form[data-question]');
    for (let n = 0; n < (await forms.count()); n++) {
      await expect(forms.nth(n).locator('button[type=submit]').isDisabled()).resolves.toBe(true);
      await expect(forms.nth(n).locator('[data-feedback]').isHidden()).resolves.toBe(false);
    }
    await second.page.frame({ url: /index\.html/ })!.getByRole('button', { name: 'Previous' }).click();
    const previous = second.learner.frame.locator('#cp-page form[data-question]');
    await expect(previous.first().locator('input[value="1"]').isChecked()).resolves.toBe(true);
    expect(answered).toEqual(['sc', 'mr']);
    const calls = await second.calls();
    await closeTab(second);
    expect(calls.filter((c) => c.error !== '0')).toEqual([]);
  });

  test('Save and exit, then the window unloads: Terminate exactly once, nothing after it', async () => {
    const s = await launch(standard, `${standard}-exit`);
    await s.learner.next();
    await s.learner.frame.getByRole('button', { name: 'Save and exit' }).click();
    await s.learner.frame.getByText('Your progress is saved').waitFor();
    await s.page.evaluate(() => ((document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank'));
    await s.page.waitForTimeout(300);
    const calls = await s.calls();
    await s.page.close();
    expect(calls.filter((c) => /Finish|Terminate/.test(c.fn))).toHaveLength(1);
    expect(calls.at(-1)!.fn).toMatch(/Finish|Terminate/);
    expect(calls.filter((c) => c.error !== '0')).toEqual([]);
  });

  test('review mode: the course opens but writes no status, score or bookmark', async () => {
    const s = await launch(standard, `${standard}-review`, 'review');
    await s.learner.next();
    await s.learner.answerPage(true);
    const calls = await s.calls();
    await s.page.close();
    expect(calls.filter((c) => /SetValue/.test(c.fn))).toEqual([]);
    expect(calls.filter((c) => c.error !== '0')).toEqual([]);
  });
});

test('no LMS: the SCORM package still runs and tells the learner once that progress is not recorded', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${lms.url}/pkg/scorm12/index.html`);
  await page.locator('#cp-page h1').waitFor();
  const learner = new Learner(page.mainFrame());
  await learner.start();
  await expect(page.getByRole('alert').textContent()).resolves.toContain('not being recorded');
  await learner.next();
  expect(await learner.pageId()).toBe('choices');
  await page.close();
  expect(errors).toEqual([]);
});
