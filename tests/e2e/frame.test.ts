/**
 * Issue 9, the course frame: the welcome page (start and resume), the lesson start card, the finish
 * page with its certificate (name from the LMS, or typed), the accessibility statement, each one
 * turned off in course.yaml, and the first screen in the HTML before the runtime runs.
 */
import { promises as fs } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { compile } from '../../src/compiler';
import { ALL_TYPES, axeViolations, closeCourses, courseData, openCourse, serveCourse } from './a11y-helpers';
import { launchBrowser } from './browser';
import { FRAME_YAML, OBJECTIVES, courseWith } from './frame-course';
import { Learner } from './learner';
import { startTestLms, type TestLms } from './lms/lms-server';
import type { StaticServer } from './static-server';

jest.setTimeout(180000);

let browser: Browser;
let lms: TestLms;
let web: StaticServer;
let webUrl: string;
let dir: string;

beforeAll(async () => {
  dir = courseWith(ALL_TYPES, FRAME_YAML, OBJECTIVES);
  const [{ packages }, b, l, served] = await Promise.all([compile(dir, { targets: ['scorm12', 'scorm2004'], languages: ['en'] }), launchBrowser(), startTestLms(), serveCourse(dir, { targets: ['web'], languages: ['en'] })]);
  [browser, lms, web, webUrl] = [b, l, served.server, served.urls[0]!];
  for (const pkg of packages) await lms.mountZip(`pkg/${pkg.target}`, pkg.zip);
});

afterAll(async () => {
  await browser?.close();
  await lms?.close();
  await web?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});
afterEach(async () => expect(await closeCourses()).toEqual([]));

async function launchScorm(standard: 'scorm12' | 'scorm2004', learnerId: string): Promise<{ page: Page; learner: Learner }> {
  const page = await browser.newPage();
  await page.goto(lms.launchUrl(standard, standard, learnerId, 75));
  await page.frameLocator('#sco').locator('#cp-page h1').waitFor();
  const learner = new Learner(page.frame({ url: /index\.html/ })!);
  await learner.frame.waitForFunction(() => !!(window as any).coursepack);
  return { page, learner };
}

/** Every page, every question right, then Next once more: the finish page. */
async function walkToFinish(learner: Learner): Promise<void> {
  const data = await learner.data();
  for (let i = 0; i < data.pages.length; i++) {
    await learner.answerPage(true);
    await learner.next();
  }
  await learner.frame.locator('#cp-page [data-screen=finish]').waitFor();
}

test('welcome, fresh start: title, time, objectives, the author text, how to navigate; Start opens page 1 with focus on its heading', async () => {
  const { page, learner } = await launchScorm('scorm12', 'welcome-fresh');
  const welcome = learner.frame.locator('#cp-page [data-screen=welcome]');
  const data = await learner.data();
  expect(await welcome.locator('h1').textContent()).toBe(data.title);
  expect(await welcome.textContent()).toContain('Estimated time: 2 min');
  expect(await welcome.locator('.cp-objectives li').allTextContents()).toEqual(['Answer each question type', 'Read the feedback']);
  expect(await welcome.locator('.cp-welcome-text strong').textContent()).toBe('Disclaimer:');
  expect(await welcome.getByRole('heading', { name: 'How to move through the course' }).count()).toBe(1);
  expect(await welcome.locator('[data-resume]').isHidden()).toBe(true);
  // theme.coverImage: decorative, shipped in the package.
  expect(await welcome.locator('img.cp-cover').getAttribute('alt')).toBe('');
  expect(await welcome.locator('img.cp-cover').evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  expect(await learner.frame.locator('#cp-prev').isDisabled()).toBe(true);
  expect(await learner.frame.locator('#cp-position').textContent()).toBe('');
  await welcome.getByRole('button', { name: 'Start the course' }).click();
  await learner.frame.locator(`#cp-page article[data-page="${data.pages[0]!.id}"]`).waitFor();
  expect(await learner.frame.evaluate(() => document.activeElement?.matches('#cp-page h1'))).toBe(true);
  // Previous on the first page goes back to the welcome page.
  expect(await learner.frame.locator('#cp-prev').isDisabled()).toBe(false);
  await page.close();
});

test('welcome, returning learner: "you were on page X" and Resume opens that page', async () => {
  const first = await launchScorm('scorm2004', 'welcome-resume');
  await first.learner.start();
  await first.learner.next();
  await first.learner.answerPage(true);
  const data = await first.learner.data();
  await new Promise((r) => setTimeout(r, 700)); // the runtime spaces commits 500 ms apart
  await first.page.close({ runBeforeUnload: true });

  const second = await launchScorm('scorm2004', 'welcome-resume');
  const welcome = second.learner.frame.locator('#cp-page [data-screen=welcome]');
  expect(await welcome.locator('[data-resume]').textContent()).toBe(`Welcome back. You were on page 2 of ${data.pages.length}: ${data.pages[1]!.title}`);
  await welcome.getByRole('button', { name: 'Resume the course' }).click();
  await second.learner.frame.locator('#cp-page article[data-page="choices"]').waitFor();
  expect(await second.learner.frame.locator('#cp-page form[data-question] button[type=submit]').first().isDisabled()).toBe(true);
  const calls = await second.page.evaluate(() => (window as any).lmsCalls as { error: string }[]);
  expect(calls.filter((c) => c.error !== '0')).toEqual([]);
  await second.page.close();
});

test('lesson start card on the first page of a lesson only: time, objectives, its pages', async () => {
  const page = await openCourse(browser, webUrl);
  const data = await courseData(page);
  const card = page.locator('#cp-page .cp-lesson-start');
  expect(await card.locator('.cp-facts').textContent()).toBe('2 min');
  expect(await card.locator('.cp-objectives li').allTextContents()).toEqual(['Answer each question type', 'Read the feedback']);
  const basics = data.pages.filter((p) => p.lesson === 0).map((p) => p.title);
  expect(await card.locator('.cp-lesson-pages li').allTextContents()).toEqual(basics);
  await page.locator('#cp-next').click();
  await page.locator(`#cp-page article[data-page="${data.pages[1]!.id}"]`).waitFor();
  expect(await page.locator('#cp-page .cp-lesson-start').count()).toBe(0);
});

test('finish page under SCORM 1.2: summary, passed, and the certificate names the learner the LMS gave', async () => {
  const { page, learner } = await launchScorm('scorm12', 'finish-lms');
  await learner.start();
  await walkToFinish(learner);
  const finish = learner.frame.locator('#cp-page [data-screen=finish]');
  const data = await learner.data();
  expect(await finish.locator('[data-summary=pages]').textContent()).toBe(`${data.pages.length} of ${data.pages.length}`);
  expect(await finish.locator('[data-summary=score]').textContent()).toBe('100% (pass mark 75%)');
  expect(await finish.locator('[data-summary=result]').textContent()).toBe('Passed');
  expect(await finish.locator('[data-summary=time]').textContent()).toMatch(/^\d+ min$/);
  const certificate = finish.locator('[data-certificate]');
  expect(await certificate.isVisible()).toBe(true);
  // scorm-again's cmi.core.student_name is "Learner, Test": a certificate reads first name first.
  expect(await certificate.locator('[data-cert-name]').textContent()).toBe('Test Learner');
  expect(await certificate.locator('[data-cert-name-field]').isHidden()).toBe(true);
  expect(await certificate.locator('.cp-cert-course').textContent()).toBe(data.title);
  expect(await certificate.locator('.cp-cert-meta').textContent()).toContain('Coursepack test team');
  expect(await certificate.locator('.cp-cert-signature').textContent()).toBe('Issued by the test team');
  expect(await learner.frame.locator('#cp-next').isDisabled()).toBe(true);
  // The finish page is not a tracked page: the LMS location stays on the last lesson page.
  const calls = await page.evaluate(() => (window as any).lmsCalls as { fn: string; args: string[]; error: string }[]);
  expect(calls.filter((c) => c.error !== '0')).toEqual([]);
  expect(calls.filter((c) => c.args[0] === 'cmi.core.lesson_location').at(-1)?.args[1]).toBe(data.pages.at(-1)!.id);
  expect(calls.some((c) => c.fn.endsWith('GetValue') && c.args[0] === 'cmi.core.student_name')).toBe(true);
  await page.close();
});

test('finish page without an LMS name: the learner types it, and the certificate prints on one page', async () => {
  const page = await openCourse(browser, webUrl);
  const learner = new Learner(page.mainFrame());
  await walkToFinish(learner);
  const certificate = page.locator('#cp-page [data-certificate]');
  const field = page.getByLabel('Your name, as it should appear on the certificate');
  expect(await field.isVisible()).toBe(true);
  await field.fill('Amina Diallo');
  expect(await certificate.locator('[data-cert-name]').textContent()).toBe('Amina Diallo');
  expect(await certificate.locator('[data-cert-date]').textContent()).toBe(new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date()));
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.cp-cert').isVisible()).toBe(true);
  for (const hidden of ['.cp-header', '.cp-pager', '.cp-summary', '[data-cert-name-field]', '[data-action=print]']) expect(await page.locator(hidden).isVisible()).toBe(false);
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
});

test('finish page before the end: what is missing, a way back, no certificate', async () => {
  const page = await openCourse(browser, webUrl);
  await page.locator('#cp-menu-button').click();
  await page.locator('#cp-menu a[data-screen=finish]').click();
  const finish = page.locator('#cp-page [data-screen=finish]');
  await finish.waitFor();
  const data = await courseData(page);
  expect(await finish.locator('[data-finish-status]').textContent()).toContain(`${data.pages.length - 1} page(s) still to open`);
  expect(await finish.locator('[data-summary=result]').textContent()).toBe('In progress');
  expect(await finish.locator('[data-certificate]').isHidden()).toBe(true);
  expect(await finish.locator('[data-cert-locked]').isVisible()).toBe(true);
  await finish.getByRole('link', { name: 'Continue the course' }).click();
  await page.locator(`#cp-page article[data-page="${data.pages[1]!.id}"]`).waitFor();
});

test('accessibility statement: linked from every page, the contact given in course.yaml, Back returns', async () => {
  const page = await openCourse(browser, webUrl);
  const data = await courseData(page);
  await page.locator('.cp-footer a').click();
  const statement = page.locator('#cp-page [data-screen=accessibility]');
  expect(await statement.locator('h1').textContent()).toBe('Accessibility statement');
  expect(await statement.textContent()).toContain('WCAG) 2.1 at level AA');
  expect(await statement.getByRole('link', { name: 'access@example.org' }).getAttribute('href')).toBe('mailto:access@example.org');
  expect(await page.locator('.cp-footer a').getAttribute('aria-current')).toBe('page');
  await statement.getByRole('button', { name: 'Back to the course' }).click();
  await page.locator(`#cp-page article[data-page="${data.pages[0]!.id}"]`).waitFor();
});

test('the first screen is in the HTML: readable before the runtime has run', async () => {
  const html = (await (await fetch(webUrl)).text()).replace(/<template[\s\S]*?<\/template>/g, '');
  const host = html.match(/<div id="cp-page"[^>]*>([\s\S]*?)<\/article>/)?.[1] ?? '';
  expect(host).toContain('data-screen="welcome"');
  expect(host).toMatch(/<h1 tabindex="-1">Every question type<\/h1>/);
  // Without its script the page still shows that heading.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(webUrl);
  expect(await page.locator('#cp-page h1').isVisible()).toBe(true);
  await context.close();
});

test('theme files that are missing or not fonts are positioned errors, and nothing is built', async () => {
  const bad = courseWith(ALL_TYPES, 'theme:\n  fontFile: fonts/missing.woff2\n  coverImage: media/none.jpg');
  const wrong = courseWith(ALL_TYPES, 'theme:\n  fontFile: media/dot.svg');
  try {
    const errors = async (course: string) => compile(course, { targets: ['web'] }).then(() => [], (e: { diagnostics?: { rule: string; line: number; message: string }[] }) => e.diagnostics ?? []);
    const yaml = (await fs.readFile(`${bad}/course.yaml`, 'utf8')).split('\n');
    const line = (key: string) => yaml.findIndex((l) => l.includes(key)) + 1;
    expect((await errors(bad)).map((d) => [d.rule, d.line])).toEqual([['media/missing', line('coverImage')], ['media/missing', line('fontFile')]]);
    expect((await errors(wrong)).map((d) => d.message)).toEqual([expect.stringContaining('a .woff2, .woff, .ttf or .otf file')]);
  } finally {
    await Promise.all([bad, wrong].map((d) => fs.rm(d, { recursive: true, force: true })));
  }
});

describe('each frame page turned off in course.yaml', () => {
  let off: string;
  let server: StaticServer;
  let url: string;
  beforeAll(async () => {
    off = courseWith(ALL_TYPES, 'frame: { welcome: { enabled: false }, lessonStart: { enabled: false }, finish: { enabled: false }, accessibility: { enabled: false } }');
    const served = await serveCourse(off, { targets: ['web'], languages: ['en'] });
    [server, url] = [served.server, served.urls[0]!];
  });
  afterAll(async () => {
    await server?.close();
    await fs.rm(off, { recursive: true, force: true });
  });

  test('no welcome (page 1 is the first screen, in the HTML), no card, no finish, no statement', async () => {
    const html = await (await fetch(url)).text();
    for (const id of ['cp-frame-welcome', 'cp-frame-finish', 'cp-frame-accessibility', 'cp-footer', 'cp-lesson-start']) expect(html).not.toContain(id);
    const page = await openCourse(browser, url);
    const data = await courseData(page);
    expect(await page.locator('#cp-page article').getAttribute('data-page')).toBe(data.pages[0]!.id);
    expect(await page.locator('#cp-prev').isDisabled()).toBe(true);
    expect(await page.locator('#cp-menu a[data-screen]').count()).toBe(0);
    await page.locator('#cp-menu-button').click();
    await page.locator(`#cp-menu a[data-page="${data.pages.at(-1)!.id}"]`).click();
    await page.locator(`#cp-page article[data-page="${data.pages.at(-1)!.id}"]`).waitFor();
    expect(await page.locator('#cp-next').isDisabled()).toBe(true);
  });

  test('the certificate alone can be turned off: the finish page stays', async () => {
    const noCert = courseWith(ALL_TYPES, 'frame: { certificate: { enabled: false } }');
    try {
      const { packages } = await compile(noCert, { targets: ['web'], languages: ['en'] });
      const JSZip = (await import('jszip')).default;
      const index = await (await JSZip.loadAsync(packages[0]!.zip)).file('index.html')!.async('string');
      expect(index).toContain('id="cp-frame-finish"');
      expect(index).not.toContain('data-certificate');
    } finally {
      await fs.rm(noCert, { recursive: true, force: true });
    }
  });
});
