/**
 * Issue 4, keyboard: the whole every-question-type course completed with Tab, Shift+Tab, Space,
 * Enter, the arrow keys and typing — no pointer at all. Every control reached shows a focus ring,
 * focus lands on the new page's h1 after Next, stays put after an answer, and the feedback is
 * announced in the live region.
 */
import type { Browser, Page } from 'playwright-core';
import type { CourseData, RuntimeQuestion } from '../../src/contract/course-data';
import { launchBrowser } from './browser';
import type { StaticServer } from './static-server';
import { ALL_TYPES, closeCourses, courseData, openCourse, serveCourse } from './a11y-helpers';

jest.setTimeout(240000);

let browser: Browser;
let server: StaticServer;
let url: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const served = await serveCourse(ALL_TYPES, { targets: ['web'], languages: ['en'] });
  server = served.server;
  url = served.urls[0]!;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => expect(await closeCourses()).toEqual([]));

const focusedMatches = (page: Page, selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

/** Width of the focus ring the learner sees (an option row draws it for its radio or checkbox). */
const ringWidth = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el.closest('.cp-option') ?? el);
    return style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
  });

/** Tab (Shift+Tab when the target comes earlier in the page) until the focus is on `selector`. */
async function tabTo(page: Page, selector: string): Promise<void> {
  const key = await page.evaluate((s) => {
    const target = document.querySelector(s);
    if (!target) throw new Error(`nothing matches ${s}`);
    const at = document.activeElement;
    return at && at !== document.body && at.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_PRECEDING ? 'Shift+Tab' : 'Tab';
  }, selector);
  for (let n = 0; n < 80 && !(await focusedMatches(page, selector)); n++) await page.keyboard.press(key);
  expect(await focusedMatches(page, selector)).toBe(true);
  expect(await ringWidth(page)).toBeGreaterThanOrEqual(2);
}

/** Checks option `index` of a radio group: Tab lands on the first (or last) radio, arrows move the check. */
async function chooseRadio(page: Page, form: string, index: number): Promise<void> {
  await tabTo(page, `${form} input[type=radio]`);
  await page.keyboard.press('Space');
  const at = await page.evaluate(() => Number((document.activeElement as HTMLInputElement).value));
  for (let n = at; n < index; n++) await page.keyboard.press('ArrowDown');
  for (let n = at; n > index; n--) await page.keyboard.press('ArrowUp');
  expect(await page.locator(`${form} input[value="${index}"]`).isChecked()).toBe(true);
}

async function answer(page: Page, q: RuntimeQuestion, i: number): Promise<void> {
  const form = `#cp-page form[data-question="${i}"]`;
  switch (q.type) {
    case 'multiple-response':
      for (const c of q.correct!) {
        await tabTo(page, `${form} input[value="${c}"]`);
        await page.keyboard.press('Space');
      }
      break;
    case 'fill-in':
    case 'open':
      await tabTo(page, `${form} [name=answer]`);
      await page.keyboard.type(q.type === 'fill-in' ? q.accepted![0]! : 'Shorter pages.');
      if (q.type === 'fill-in') return page.keyboard.press('Enter'); // submits the form from the field
      break;
    case 'matching':
      for (let s = 0; s < q.sources!.length; s++) {
        const select = `${form} select[data-source="${s}"]`;
        await tabTo(page, select);
        const steps = await page.locator(`${select} option`).evaluateAll((os, v) => os.findIndex((o) => (o as HTMLOptionElement).value === v), String(s));
        for (let n = 0; n < steps; n++) await page.keyboard.press('ArrowDown');
        expect(await page.locator(select).inputValue()).toBe(String(s));
      }
      break;
    case 'ordering': {
      // Move each item up into place; the moved button keeps the focus, so Enter again moves it on.
      const order = () => page.locator(`${form} [data-item]`).evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.item)));
      for (let pos = 0; pos < q.choices!.length; pos++) {
        const up = `${form} [data-item="${pos}"] [data-move="-1"]`;
        if ((await order()).indexOf(pos) > pos) await tabTo(page, up);
        while ((await order()).indexOf(pos) > pos) {
          await page.keyboard.press('Enter');
          expect(await focusedMatches(page, up)).toBe(true);
        }
      }
      expect(await order()).toEqual(q.choices!.map((_, n) => n));
      break;
    }
    case 'likert':
      await chooseRadio(page, form, 3);
      break;
    default:
      await chooseRadio(page, form, q.correct![0]!);
  }
  await tabTo(page, `${form} button[type=submit]`);
  await page.keyboard.press(i % 2 ? 'Space' : 'Enter');
}

/** Answers every question shown on the page, in page order, and checks what the learner gets back. */
async function answerPage(page: Page, data: CourseData): Promise<void> {
  const shown = await page.locator('#cp-page form[data-question]').evaluateAll((fs) => fs.map((f) => Number((f as HTMLElement).dataset.question)));
  for (const i of shown) {
    const q = data.questions[i]!;
    await answer(page, q, i);
    const form = `#cp-page form[data-question="${i}"]`;
    await page.locator(`${form} [data-feedback]`).waitFor();
    const verdict = (await page.locator(`${form} [data-verdict]`).textContent()) ?? '';
    expect(verdict).toBe(q.role === 'survey' ? data.strings.answerSaved : q.type === 'scenario' ? data.strings.bestChoice : data.strings.correct);
    // Focus moves to the feedback, which starts with the verdict: read once, never also from the live region.
    expect(await focusedMatches(page, `${form} [data-feedback]`)).toBe(true);
    expect(await page.evaluate((f) => document.activeElement?.textContent?.trim().startsWith(f), verdict)).toBe(true);
    expect(await page.locator('#cp-live').textContent()).not.toContain(verdict);
    // The submit button it left is unavailable.
    expect(await page.locator(`${form} button[type=submit][aria-disabled=true]`).count()).toBe(1);
  }
}

async function nextPage(page: Page, expected: string): Promise<void> {
  await tabTo(page, '#cp-next');
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('#cp-page h1')?.textContent === t, expected);
  expect(await focusedMatches(page, '#cp-page h1')).toBe(true);
}

test('the whole course with the keyboard only: every question answered, quiz passed, course complete', async () => {
  const page = await openCourse(browser, url, 1280, { welcome: true });
  const data = await courseData(page);
  await page.keyboard.press('Tab');
  expect(await focusedMatches(page, '.cp-skip')).toBe(true);
  await page.keyboard.press('Enter');
  expect(await focusedMatches(page, '#cp-main')).toBe(true);
  // The welcome page's Start button opens the first page, with focus on its heading.
  await tabTo(page, '#cp-page [data-action=start]');
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('#cp-page h1')?.textContent === t, data.pages[0]!.title);
  expect(await focusedMatches(page, '#cp-page h1')).toBe(true);
  for (let p = 0; p < data.pages.length; p++) {
    await answerPage(page, data);
    if (p < data.pages.length - 1) await nextPage(page, data.pages[p + 1]!.title);
    // The survey comes after the quiz: opening it, the last page, completes the course, which is announced.
    // A fast learner turns the page within the live region's 50 ms window, so the quiz score and the
    // completion are read as one message: the completion must be in it, not necessarily alone.
    if (p === data.pages.length - 2) await page.waitForFunction((t) => document.getElementById('cp-live')?.textContent?.includes(t), data.strings.courseComplete!);
  }
  const outcome = await page.evaluate(() => (window as any).coursepack.state.outcome());
  expect(outcome).toMatchObject({ completed: true, success: 'passed', score: 100 });
  expect(await page.locator('#cp-progress').getAttribute('value')).toBe('100');
});

test('the menu by keyboard: Enter opens it, a page link goes there with focus on its h1, Escape closes it', async () => {
  const page = await openCourse(browser, url);
  const data = await courseData(page);
  await page.keyboard.press('Tab');
  await tabTo(page, '#cp-menu-button');
  await page.keyboard.press('Enter');
  expect(await page.locator('#cp-menu-button').getAttribute('aria-expanded')).toBe('true');
  const target = data.pages[3]!;
  await tabTo(page, `#cp-menu a[data-page="${target.id}"]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('#cp-page h1')?.textContent === t, target.title);
  expect(await focusedMatches(page, '#cp-page h1')).toBe(true);
  expect(await page.locator('#cp-menu').isHidden()).toBe(true);
  await tabTo(page, '#cp-menu-button');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  expect(await focusedMatches(page, '#cp-menu a')).toBe(true);
  await page.keyboard.press('Escape');
  expect(await page.locator('#cp-menu').isHidden()).toBe(true);
  expect(await focusedMatches(page, '#cp-menu-button')).toBe(true);
  expect(await page.locator('#cp-menu-button').getAttribute('aria-expanded')).toBe('false');
});

test('Try again by keyboard puts focus back on the question', async () => {
  const page = await openCourse(browser, url);
  const data = await courseData(page);
  await nextPage(page, data.pages[1]!.title);
  const form = '#cp-page form[data-question="0"]';
  const wrong = (data.questions[0]!.correct![0]! + 1) % data.questions[0]!.choices!.length;
  await chooseRadio(page, form, wrong);
  await tabTo(page, `${form} button[type=submit]`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((v) => document.activeElement?.matches('[data-feedback]') && document.activeElement.textContent?.includes(v), data.strings.incorrect!);
  await tabTo(page, `${form} [data-action=retry]`);
  await page.keyboard.press('Enter');
  expect(await focusedMatches(page, `${form} input`)).toBe(true);
  expect(await page.locator(`${form} [data-feedback]`).isHidden()).toBe(true);
});
