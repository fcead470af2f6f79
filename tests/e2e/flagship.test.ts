import type { Browser } from 'playwright-core';
import { compile } from '../../src/compiler';
import { launchBrowser } from './browser';
import { Learner } from './learner';
import { startTestLms, type TestLms } from './lms/lms-server';
import { moodleViolations } from './lms/moodle-profile';

/** The flagship course, taken end to end as a learner would, in both languages. */
let browser: Browser;
let lms: TestLms;
let mastery: number;

beforeAll(async () => {
  const [{ packages, models }, b, l] = await Promise.all([
    compile('courses/un-migration-cca-cf', { targets: ['scorm12', 'scorm2004'] }),
    launchBrowser(),
    startTestLms(),
  ]);
  [browser, lms, mastery] = [b, l, models[0]!.masteryScore!];
  for (const pkg of packages) await lms.mountZip(`pkg/${pkg.lang}-${pkg.target}`, pkg.zip);
}, 120000);

afterAll(async () => {
  await browser?.close();
  await lms?.close();
});

test.each([
  ['en', 'scorm12'],
  ['fr', 'scorm2004'],
] as const)('%s %s: every page, scenario, check, the quiz and the survey; passed with no SCORM error', async (lang, standard) => {
  const page = await browser.newPage();
  await page.goto(lms.launchUrl(standard, `${lang}-${standard}`, `flagship-${lang}`, mastery));
  await page.frameLocator('#sco').locator('#cp-page h1').waitFor();
  const frame = page.frame({ url: /index\.html/ })!;
  const learner = new Learner(frame);
  await learner.start();
  const data = await learner.data();
  expect(await frame.locator('html').getAttribute('lang')).toBe(lang);
  const nextName = lang === 'fr' ? data.strings.next! : 'Next';
  const submit = lang === 'fr' ? data.strings.submit! : 'Submit';
  for (let i = 0; i < data.pages.length; i++) {
    const forms = frame.locator('#cp-page form[data-question]');
    expect(await frame.locator('#cp-page h1').count()).toBe(1);
    for (let n = 0; n < (await forms.count()); n++) {
      expect(await forms.nth(n).getByRole('button', { name: new RegExp(`^(${submit}|${data.strings.decide})$`) }).count()).toBe(1);
    }
    await learner.answerPage(true, { submit, decide: data.strings.decide! });
    if (i < data.pages.length - 1) await learner.next(nextName);
  }
  const calls = await page.evaluate(() => (window as any).lmsCalls as { fn: string; args: string[]; error: string }[]);
  expect(calls.filter((c) => c.error !== '0')).toEqual([]);
  expect(moodleViolations(calls as any, standard)).toEqual([]);
  const set = (el: string) => calls.filter((c) => /SetValue/.test(c.fn) && c.args[0] === el).at(-1)?.args[1];
  if (standard === 'scorm12') expect(set('cmi.core.lesson_status')).toBe('passed');
  else expect([set('cmi.completion_status'), set('cmi.success_status')]).toEqual(['completed', 'passed']);
  const answered = calls.filter((c) => /SetValue/.test(c.fn) && /^cmi\.interactions\.\d+\.id$/.test(c.args[0]!)).map((c) => c.args[1]);
  expect(answered).toEqual(expect.arrayContaining(['survey-07', 'why-sc1', 'cca-check-objective']));
  await page.close();
}, 180000);
