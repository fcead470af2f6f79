/**
 * Issue 9: the generated pages pass axe-core (WCAG 2.1 A/AA) at 360 and 1280 px, in the light and
 * the dark colour scheme, in English and in Arabic (right to left): the welcome page, a lesson start
 * card, the finish page with its certificate, and the accessibility statement.
 */
import type { Browser, Page } from 'playwright-core';
import { ALL_TYPES, ARABIC, answerPage, axeViolations, closeCourses, courseData, openCourse, serveCourse } from './a11y-helpers';
import { launchBrowser } from './browser';
import type { StaticServer } from './static-server';

jest.setTimeout(240000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => expect(await closeCourses()).toEqual([]));

async function open(page: Page, screen: 'welcome' | 'finish' | 'accessibility' | number): Promise<void> {
  if (screen === 'accessibility') await page.locator('.cp-footer a').click();
  else {
    await page.locator('#cp-menu-button').click();
    const data = await courseData(page);
    await page.locator(typeof screen === 'number' ? `#cp-menu a[data-page="${data.pages[screen]!.id}"]` : `#cp-menu a[data-screen=${screen}]`).click();
  }
  await page.locator(typeof screen === 'number' ? '#cp-page article[data-page]' : `#cp-page [data-screen=${screen}]`).waitFor();
}

describe.each([
  ['English', ALL_TYPES, 'en'],
  ['Arabic', ARABIC, 'ar'],
])('%s', (_name, dir, lang) => {
  let server: StaticServer;
  let url: string;
  beforeAll(async () => {
    const served = await serveCourse(dir, { targets: ['web'], languages: [lang] });
    [server, url] = [served.server, served.urls[0]!];
  });
  afterAll(async () => server?.close());

  test('welcome, lesson start, finish with the certificate, accessibility statement: no violation', async () => {
    const page = await openCourse(browser, url, 1280, { welcome: true });
    const found: string[] = [];
    const check = async (state: string) => {
      for (const v of await axeViolations(page)) found.push(`${state}: ${v}`);
    };
    await check('welcome, first launch');
    await page.locator('[data-action=start]').click();
    const data = await courseData(page);
    for (let i = 0; i < data.pages.length; i++) {
      await answerPage(page, true);
      const before = await page.locator('#cp-page h1').textContent();
      await page.locator('#cp-next').click();
      await page.waitForFunction((b) => document.querySelector('#cp-page h1')?.textContent !== b, before);
    }
    expect(await page.locator('#cp-page [data-certificate]').isVisible()).toBe(true);
    if (await page.locator('#cp-cert-name').isVisible()) await page.locator('#cp-cert-name').fill(lang === 'ar' ? 'أمينة ديالو' : 'Amina Diallo');
    for (const width of [360, 1280]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        const at = `${width} px ${colorScheme}`;
        await open(page, 'finish');
        await check(`${at}, finish`);
        await open(page, 'welcome');
        await check(`${at}, welcome (resume)`);
        await open(page, 0);
        await check(`${at}, lesson start`);
        await open(page, 'accessibility');
        await check(`${at}, accessibility`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect({ at, overflow }).toEqual({ at, overflow: 0 });
      }
    }
    expect(found).toEqual([]);
  });

  test('the dark scheme is really dark, with the primary colour lightened', async () => {
    const page = await openCourse(browser, url, 1280, { welcome: true, colorScheme: 'dark' });
    const [bg, h1] = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('#cp-page h1')!).color]);
    expect(bg).toBe('rgb(20, 24, 29)');
    const light = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--cp-primary-dark').trim());
    expect(h1).toBe(`rgb(${[1, 3, 5].map((i) => parseInt(light.slice(i, i + 2), 16)).join(', ')})`);
  });
});
