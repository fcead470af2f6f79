/**
 * Issue 4, right to left: an Arabic course says so (dir="rtl", lang="ar", Arabic interface strings)
 * and its layout is mirrored against the English one — the pager's Next on the left with its arrow
 * pointing left, the course title on the right, option controls and feedback bars on the right,
 * ordering buttons on the left — on desktop and at 375 px; and an Arabic learner completes it.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import type { StaticServer } from './static-server';
import { ALL_TYPES, ARABIC, answerPage, closeCourses, courseData, openCourse, serveCourse } from './a11y-helpers';

jest.setTimeout(180000);

let browser: Browser;
let servers: StaticServer[] = [];
let arabic: string;
let english: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const [ar, en] = await Promise.all([serveCourse(ARABIC, { targets: ['web'] }), serveCourse(ALL_TYPES, { targets: ['web'], languages: ['en'] })]);
  servers = [ar.server, en.server];
  [arabic, english] = [ar.urls[0]!, en.urls[0]!];
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
});
afterEach(async () => expect(await closeCourses()).toEqual([]));

const box = async (l: Locator) => (await l.boundingBox())!;
const centre = async (l: Locator) => {
  const b = await box(l);
  return b.x + b.width / 2;
};

/** Horizontal centre of an element's text alone (its box may be wider than the words). */
const textCentre = (l: Locator) =>
  l.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return r.x + r.width / 2;
  });

async function goTo(page: Page, pageId: string): Promise<void> {
  await page.locator('#cp-menu-button').click();
  await page.locator(`#cp-menu a[data-page="${pageId}"]`).click();
  await page.locator(`#cp-page article[data-page="${pageId}"]`).waitFor();
}

test('the Arabic page is marked right to left, in Arabic, with Arabic interface strings', async () => {
  const page = await openCourse(browser, arabic);
  const data = await courseData(page);
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  expect(await page.locator('html').getAttribute('lang')).toBe('ar');
  expect(data.strings.next).toBe('التالي');
  expect(await page.locator('#cp-next').textContent()).toBe(data.strings.next);
  expect(await page.locator('#cp-prev').textContent()).toBe(data.strings.previous);
  expect(await page.locator('#cp-position').textContent()).toBe(`الصفحة 1 من ${data.pages.length}`);
});

describe.each([1280, 375])('at %i px wide', (width) => {
  test('the pager and header are mirrored: Next on the left, its arrow pointing left, the title on the right', async () => {
    for (const [url, rtl] of [[arabic, true], [english, false]] as const) {
      const page = await openCourse(browser, url, width);
      const next = page.locator('#cp-next');
      const prev = page.locator('#cp-prev');
      expect((await centre(next)) < (await centre(prev))).toBe(rtl);
      // The arrow sits after the word and points the way the pages go.
      const arrow = next.locator('.cp-icon');
      expect((await centre(arrow)) < (await textCentre(next))).toBe(rtl);
      expect(await arrow.evaluate((svg) => getComputedStyle(svg).transform)).toBe(rtl ? 'matrix(-1, 0, 0, 1, 0, 0)' : 'none');
      expect((await centre(page.locator('.cp-course-title'))) > (await centre(page.locator('#cp-menu-button')))).toBe(rtl);
      // Headings and table cells start on the right.
      const main = await box(page.locator('#cp-page'));
      const h1 = await page.locator('#cp-page h1').evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right };
      });
      if (rtl) expect(main.x + main.width - h1.right).toBeLessThan(2);
      else expect(h1.left - main.x).toBeLessThan(2);
      expect(await page.locator('th').first().evaluate((th) => getComputedStyle(th).textAlign)).toBe('start');
      expect(await page.locator('th').first().evaluate((th) => getComputedStyle(th).direction)).toBe(rtl ? 'rtl' : 'ltr');
    }
  });
});

test('questions are mirrored: controls and feedback bars on the right, ordering buttons on the left', async () => {
  const page = await openCourse(browser, arabic);
  await goTo(page, 'choices');
  const option = page.locator('#cp-page .cp-option').first();
  expect(await centre(option.locator('input'))).toBeGreaterThan(await centre(option.locator('label')));
  await answerPage(page, false);
  const feedback = page.locator('#cp-page .cp-feedback').first();
  const border = await feedback.evaluate((el) => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth]);
  expect(border).toEqual(['4px', '0px']);
  await goTo(page, 'match');
  const item = page.locator('#cp-page [data-item]').first();
  expect(await centre(item.locator('[data-move="-1"]'))).toBeLessThan(await textCentre(item.locator('.cp-order-text')));
  // The menu marks the current page with a bar on its right.
  await page.locator('#cp-menu-button').click();
  const current = page.locator('#cp-menu a[aria-current=page]');
  expect(await current.evaluate((a) => getComputedStyle(a).borderRightWidth)).toBe('3px');
  expect(await current.evaluate((a) => getComputedStyle(a).borderLeftWidth)).toBe('0px');
});

test('an Arabic learner completes and passes the course, and is told so in Arabic', async () => {
  const page = await openCourse(browser, arabic, 375);
  const data = await courseData(page);
  for (const [p, { id }] of data.pages.entries()) {
    await page.locator(`#cp-page article[data-page="${id}"]`).waitFor();
    await answerPage(page, true);
    if (p < data.pages.length - 1) await page.locator('#cp-next').click();
  }
  expect(await page.evaluate(() => (window as any).coursepack.state.outcome())).toMatchObject({ completed: true, success: 'passed', score: 100 });
  await goTo(page, 'quiz');
  expect(await page.locator('[data-quiz-verdict]').textContent()).toBe(data.strings.quizPassed);
  expect(await page.locator('#cp-progress-text').textContent()).toBe('نسبة الإنجاز: 100%');
});
