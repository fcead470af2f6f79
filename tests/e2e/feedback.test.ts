/**
 * Issue 9, feedback done right: one verdict; matching and ordering rows marked right or wrong; the
 * right answer once no attempt is left; a visible, announced message for Submit with no answer;
 * focus on the feedback.
 */
import { promises as fs } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { ALL_TYPES, closeCourses, courseData, openCourse, serveCourse } from './a11y-helpers';
import { courseCopy } from '../compiler/helpers';
import { launchBrowser } from './browser';
import type { StaticServer } from './static-server';

jest.setTimeout(120000);

let browser: Browser;
let server: StaticServer;
let url: string;
let dir: string;

beforeAll(async () => {
  // Feedback written the way authors often do, starting with the verdict the player already says.
  // The whole bank drawn, so the quiz always holds its ordering and matching questions.
  dir = courseCopy({ 'lessons/basics.en.md': (t) => t.replace('incorrect: Look up.', 'incorrect: Not quite. Look up.'), 'lessons/quiz.en.md': (t) => t.replace('draw: 4', 'draw: 6'), 'lessons/quiz.fr.md': (t) => t.replace('draw: 4', 'draw: 6') });
  browser = await launchBrowser();
  const served = await serveCourse(dir, { targets: ['web'], languages: ['en'] });
  [server, url] = [served.server, served.urls[0]!];
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fs.rm(dir, { recursive: true, force: true });
});
afterEach(async () => expect(await closeCourses()).toEqual([]));

async function goTo(page: Page, pageId: string): Promise<void> {
  await page.locator('#cp-menu-button').click();
  await page.locator(`#cp-menu a[data-page="${pageId}"]`).click();
  await page.locator(`#cp-page article[data-page="${pageId}"]`).waitFor();
}

const focused = (page: Page) => page.evaluate(() => document.activeElement?.closest('form')?.dataset.question && document.activeElement.matches('[data-feedback]'));

async function match(form: Locator, targets: number[]): Promise<void> {
  for (const [s, t] of targets.entries()) await form.locator(`select[data-source="${s}"]`).selectOption(String(t));
  await form.getByRole('button', { name: 'Submit' }).click();
  await form.locator('[data-feedback]').waitFor();
}

test('matching, a check question: wrong rows marked in words; after the second wrong answer the right answer, no more tries', async () => {
  const page = await openCourse(browser, url);
  await goTo(page, 'match');
  const form = page.locator('#cp-page form[data-type=matching]');
  await match(form, [1, 2, 0]);
  expect(await focused(page)).toBe(true);
  expect(await form.locator('[data-verdict]').textContent()).toBe('Not quite. 0 of 3 right.');
  expect(await form.locator('.cp-match .cp-mark').allTextContents()).toEqual(['Incorrect', 'Incorrect', 'Incorrect']);
  expect(await form.locator('[data-reveal]').isHidden()).toBe(true);
  await form.getByRole('button', { name: 'Try again' }).click();
  expect(await form.locator('.cp-mark').count()).toBe(0);
  await match(form, [0, 2, 1]);
  expect(await form.locator('[data-verdict]').textContent()).toBe('Not quite. 1 of 3 right.');
  expect(await form.locator('.cp-match .cp-mark').allTextContents()).toEqual(['Correct', 'Incorrect', 'Incorrect']);
  expect(await form.locator('[data-reveal]').textContent()).toBe('Correct answer: France → Paris; Kenya → Nairobi; Peru → Lima');
  expect(await form.locator('[data-action=retry]').isHidden()).toBe(true);
});

test('ordering: each position marked; one verdict; focus on the feedback', async () => {
  const page = await openCourse(browser, url);
  await goTo(page, 'match');
  const form = page.locator('#cp-page form[data-type=ordering]');
  const shown = await form.locator('[data-item]').evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.item)));
  await form.getByRole('button', { name: 'Submit' }).click();
  await form.locator('[data-feedback]').waitFor();
  expect(await focused(page)).toBe(true);
  const right = shown.filter((item, at) => item === at).length;
  expect(await form.locator('[data-verdict]').textContent()).toBe(`Not quite. ${right} of 4 right.`);
  expect(await form.locator('[data-item] .cp-mark').allTextContents()).toEqual(shown.map((item, at) => (item === at ? 'Correct' : 'Incorrect')));
});

test('the quiz has one attempt: a wrong ordering or matching answer shows the right one at once', async () => {
  const page = await openCourse(browser, url);
  await goTo(page, 'quiz');
  const data = await courseData(page);
  const forms = page.locator('#cp-page form[data-type=ordering], #cp-page form[data-type=matching]');
  expect(await forms.count()).toBeGreaterThan(0);
  for (let n = 0; n < (await forms.count()); n++) {
    const form = forms.nth(n);
    const q = data.questions[Number(await form.getAttribute('data-question'))]!;
    if (q.type === 'matching') await match(form, [1, 0]);
    else {
      await form.locator('[data-item]').first().locator('[data-move="1"]').click();
      await form.getByRole('button', { name: 'Submit' }).click();
      await form.locator('[data-feedback]').waitFor();
    }
    const verdict = (await form.locator('[data-verdict]').textContent()) ?? '';
    if (verdict.startsWith('Not quite')) expect(await form.locator('[data-reveal]').textContent()).toMatch(/^Correct answer: /);
  }
});

test('Submit with no answer: a visible message, announced, gone once an answer is given', async () => {
  const page = await openCourse(browser, url);
  await goTo(page, 'tf');
  const form = page.locator('#cp-page form[data-type=fill-in]');
  await form.getByRole('button', { name: 'Submit' }).click();
  const note = form.locator('[data-no-answer]');
  expect(await note.isVisible()).toBe(true);
  expect(await note.textContent()).toBe('Choose or type an answer first.');
  await page.waitForFunction(() => document.getElementById('cp-live')?.textContent === 'Choose or type an answer first.');
  expect(await form.locator('[data-feedback]').isHidden()).toBe(true);
  await form.getByRole('textbox').fill('x');
  await form.getByRole('textbox').blur();
  expect(await note.isHidden()).toBe(true);
});

test('one verdict, even when the author\u2019s feedback starts with it', async () => {
  const page = await openCourse(browser, url);
  await goTo(page, 'tf');
  const form = page.locator('#cp-page form[data-type=true-false]');
  const data = await courseData(page);
  const q = data.questions[Number(await form.getAttribute('data-question'))]!;
  await form.locator(`input[value="${(q.correct![0]! + 1) % 2}"]`).check();
  await form.getByRole('button', { name: 'Submit' }).click();
  const box = form.locator('[data-feedback]');
  await box.waitFor();
  const text = (await box.innerText()).replace(/\s+/g, ' ').trim();
  expect(text).toBe('Not quite. Look up.');
  expect(await page.locator('#cp-live').textContent()).not.toContain('Not quite');
});
