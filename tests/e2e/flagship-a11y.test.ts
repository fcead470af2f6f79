/**
 * Issue 12: the flagship, EN and FR, has no axe-core WCAG 2.1 AA violation on any page at a phone's
 * 360 px and a laptop's 1280 px (with every accordion open, so hidden content is checked too), no
 * image without a text alternative, and its one-page handouts print on one A4 page.
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import type { StaticServer } from './static-server';
import { axeViolations, closeCourses, courseData, openCourse, serveCourse } from './a11y-helpers';

jest.setTimeout(600000);

const FLAGSHIP = 'courses/un-migration-cca-cf';
const SVG_TEXT_UNDECIDED = /^color-contrast \(needs review\): (text|tspan)\b.*contains an image node/;
let browser: Browser;
let server: StaticServer;
let urls: Record<string, string>;

beforeAll(async () => {
  browser = await launchBrowser();
  const served = await serveCourse(FLAGSHIP, { targets: ['web'] });
  server = served.server;
  urls = { en: served.urls[0]!, fr: served.urls[1]! };
}, 180000);
afterAll(async () => {
  await server?.close();
  await browser?.close();
});
afterEach(async () => expect(await closeCourses()).toEqual([]));

async function next(page: Page): Promise<void> {
  const before = await page.locator('#cp-page h1').textContent();
  await page.locator('#cp-next').click();
  await page.waitForFunction((b) => document.querySelector('#cp-page h1')?.textContent !== b, before);
}

describe.each(['en', 'fr'])('flagship %s', (lang) => {
  test.each([360, 1280])('no violation on any page at %i px, and every image and diagram has a text alternative', async (width) => {
    const page = await openCourse(browser, urls[lang]!, width);
    const data = await courseData(page);
    const found: string[] = [];
    let images = 0;
    for (let i = 0; i < data.pages.length; i++) {
      await page.locator('#cp-page details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      // axe cannot decide the contrast of text inside an inline SVG diagram ("contains an image node"):
      // tests/compiler/flagship-content.test.ts checks the diagrams' colour pairs instead.
      for (const v of await axeViolations(page)) if (!SVG_TEXT_UNDECIDED.test(v)) found.push(`${data.pages[i]!.id}: ${v}`);
      // Pictures carry alt text; inline SVG diagrams a name (their title) and a text description.
      const alternatives = await page.locator('#cp-page img, #cp-page figure.cp-diagram > svg').evaluateAll((els) =>
        els.map((el) => (el instanceof HTMLImageElement ? el.alt : `${document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent ?? ''} — ${document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent ?? ''}`)),
      );
      images += alternatives.length;
      for (const alt of alternatives) if (alt.trim().length < 60) found.push(`${data.pages[i]!.id}: text alternative too short for a diagram: "${alt}"`);
      if (i < data.pages.length - 1) await next(page);
    }
    expect(found).toEqual([]);
    expect(images).toBeGreaterThanOrEqual(6);
  });

  test('the one-page handouts print on one A4 page', async () => {
    const page = await openCourse(browser, urls[lang]!);
    const data = await courseData(page);
    const onePage: string[] = [];
    for (let i = 0; i < data.pages.length; i++) {
      const links = await page.locator('#cp-page .cp-downloads a').evaluateAll((as) => as.map((a) => ({ href: (a as HTMLAnchorElement).href, text: a.textContent ?? '' })));
      for (const l of links) if (/one-page|on a page|en une page/i.test(l.text) && !onePage.includes(l.href)) onePage.push(l.href);
      if (i < data.pages.length - 1) await next(page);
    }
    expect(onePage).toHaveLength(2);
    for (const href of onePage) {
      const print = await page.context().newPage();
      await print.goto(href);
      const pdf = await print.pdf({ format: 'A4' });
      expect({ href, pages: pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length }).toEqual({ href, pages: 1 });
      await print.close();
    }
  });
});
