/**
 * Issue 9, media blocks in Chromium, English and Arabic, at 360 and 1280 px: axe-core (WCAG 2.1 A/AA)
 * finds nothing with every block in every state (carousel moved, description and transcript opened,
 * hotspot opened and listed, video played); a keyboard-only learner gets through every block and
 * focus is never lost; images arrive as WebP with their space reserved. MEDIA_SHOTS=docs/blocks
 * saves one screenshot per block for the format guide.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { axeViolations, closeCourses, openCourse, serveCourse } from './a11y-helpers';
import type { StaticServer } from './static-server';
import { contrastRatio } from '../../src/compiler/validate/contrast';

const MEDIA = 'tests/fixtures/courses/media';
const SHOTS = process.env.MEDIA_SHOTS;
jest.setTimeout(240000);

let browser: Browser;
let server: StaticServer;
let urls: Record<string, string>;
beforeAll(async () => {
  const served = await serveCourse(MEDIA, { targets: ['web'] });
  server = served.server;
  urls = Object.fromEntries(served.urls.map((u) => [u.includes('-ar-') ? 'ar' : 'en', u]));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
afterEach(async () => expect(await closeCourses()).toEqual([]));

const goTo = (page: Page, id: string) =>
  page.evaluate((pageId) => {
    const cp = (window as unknown as { coursepack: { player: { go(i: number): void } } }).coursepack;
    cp.player.go(JSON.parse(document.getElementById('cp-data')!.textContent!).pages.findIndex((p: { id: string }) => p.id === pageId));
  }, id);
const focused = (page: Page) => page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '');
const shownSlide = (page: Page) => page.locator('#cp-page .cp-slide:not([hidden])').getAttribute('aria-label');

const hex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;

/**
 * axe cannot tell the background of text inside an SVG drawing (it is a shape painted under it), so
 * it leaves their contrast undecided. This decides it: each text's fill against the fill of the
 * shape under its centre (or the page), which must reach 4.5:1. Returns axe's findings minus the
 * undecided SVG texts it has checked, plus any text that fails.
 */
async function withSvgContrast(page: Page, found: string[]): Promise<string[]> {
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>('#cp-page svg[role=img] text')].map((t) => {
      const r = t.getBoundingClientRect();
      const under = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2).find((e) => e !== t && e instanceof SVGGeometryElement && getComputedStyle(e).fill.startsWith('rgb'));
      return { text: t.textContent ?? '', fg: getComputedStyle(t).fill, bg: under ? getComputedStyle(under).fill : getComputedStyle(document.body).backgroundColor };
    }),
  );
  const failing = texts.filter((t) => contrastRatio(hex(t.fg), hex(t.bg)) < 4.5).map((t) => `svg text "${t.text}": ${t.fg} on ${t.bg}`);
  return [...found.filter((f) => !(texts.length && /color-contrast \(needs review\): text/.test(f))), ...failing];
}

async function shot(page: Page, selector: string, name: string, lang: string, width: number): Promise<void> {
  if (!SHOTS || width !== 1280) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.locator(selector).first().screenshot({ path: path.join(SHOTS, `${name}${lang === 'en' ? '' : `-${lang}`}.png`), animations: 'disabled' });
}

describe.each([
  ['en', 1280],
  ['en', 360],
  ['ar', 1280],
  ['ar', 360],
] as const)('%s at %i px', (lang, width) => {
  test('every media block in every state: no WCAG 2.1 A/AA violation', async () => {
    const page = await openCourse(browser, urls[lang]!, width);
    const found: string[] = [];
    const check = async (state: string) => {
      for (const v of await axeViolations(page)) found.push(`${state}: ${v}`);
    };

    await goTo(page, 'pictures');
    await page.locator('#cp-page .cp-figure img').evaluate((img: HTMLImageElement) => img.decode());
    await check('image and gallery');
    await shot(page, '#cp-page .cp-figure', 'image', lang, width);
    const first = await shownSlide(page);
    await page.locator('#cp-page [data-slide="1"]').click();
    expect(await shownSlide(page)).not.toBe(first);
    expect(await page.locator('#cp-page .cp-carousel-position').textContent()).toBe('2 / 3');
    await page.locator('#cp-page .cp-slide:not([hidden]) img').evaluate((img: HTMLImageElement) => img.decode());
    await check('gallery moved on');
    await shot(page, '#cp-page .cp-carousel', 'gallery', lang, width);
    await page.locator('#cp-page [data-slide="-1"]').click();
    await page.locator('#cp-page [data-slide="-1"]').click();
    expect(await page.locator('#cp-page .cp-carousel-position').textContent()).toBe('3 / 3');

    await goTo(page, 'diagram');
    await page.locator('#cp-page .cp-diagram summary').click();
    const before = found.length;
    await check('diagram, description open');
    found.splice(before, Infinity, ...(await withSvgContrast(page, found.slice(before))));
    await shot(page, '#cp-page .cp-diagram', 'diagram', lang, width);

    await goTo(page, 'hotspots');
    await check('labelled graphic');
    const markers = page.locator('#cp-page .cp-hotspot');
    await markers.nth(1).click();
    const panel = page.locator('#cp-page .cp-hotspot-panel:not([hidden])');
    expect(await panel.count()).toBe(1);
    expect(await panel.evaluate((p) => p === document.activeElement)).toBe(true);
    expect(await markers.nth(1).getAttribute('aria-expanded')).toBe('true');
    await check('hotspot 2 open');
    await shot(page, '#cp-page .cp-hotspots', 'labelled-graphic', lang, width);
    await markers.nth(0).click();
    expect(await page.locator('#cp-page .cp-hotspot-panel:not([hidden])').count()).toBe(1);
    await page.locator('#cp-page .cp-hotspot-all').click();
    expect(await page.locator('#cp-page .cp-hotspot-panel:not([hidden])').count()).toBe(2);
    await check('hotspots as a list');

    await goTo(page, 'av');
    for (const summary of await page.locator('#cp-page .cp-transcript summary').all()) await summary.click();
    const video = page.locator('#cp-page video');
    await video.evaluate((v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await page.waitForFunction(() => (document.querySelector('#cp-page video') as HTMLVideoElement).currentTime > 0.3);
    const captions = await video.evaluate((v: HTMLVideoElement) => ({ mode: v.textTracks[0]?.mode, cues: v.textTracks[0]?.cues?.length ?? 0, lang: v.textTracks[0]?.language }));
    expect(captions).toEqual({ mode: 'showing', cues: 2, lang });
    await video.evaluate((v: HTMLVideoElement) => v.pause());
    await check('video played, transcripts open');
    await shot(page, '#cp-page .cp-video', 'video', lang, width);
    await shot(page, '#cp-page .cp-audio', 'audio', lang, width);
    await shot(page, '#cp-page .cp-transcript >> nth=2', 'transcript', lang, width);
    expect(found).toEqual([]);
  });
});

describe('keyboard only, focus never lost', () => {
  test.each(['en', 'ar'] as const)('%s: gallery, hotspots, transcript and video with the keyboard', async (lang) => {
    const page = await openCourse(browser, urls[lang]!);
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`Tab never reached ${selector}; focus is on ${await focused(page)}`);
    };
    await goTo(page, 'pictures');
    await tabTo('#cp-page [data-slide="1"]');
    const first = await shownSlide(page);
    await page.keyboard.press('Enter');
    expect(await shownSlide(page)).not.toBe(first);
    await page.keyboard.press(' ');
    expect(await page.locator('#cp-page .cp-carousel-position').textContent()).toBe('3 / 3');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-slide'))).toBe('1');

    await goTo(page, 'hotspots');
    await tabTo('#cp-page .cp-hotspot');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cp-hotspot-panel'))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-expanded'))).toBe('false');
    await page.keyboard.press('Enter');
    await tabTo('#cp-page [data-hotspot-close]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('cp-hotspot'))).toBe(true);

    await goTo(page, 'av');
    await tabTo('#cp-page video');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => !(document.querySelector('#cp-page video') as HTMLVideoElement).paused);
    await page.keyboard.press('Space');
    await tabTo('#cp-page .cp-transcript summary');
    await page.keyboard.press('Enter');
    expect(await page.locator('#cp-page .cp-transcript').first().getAttribute('open')).toBe('');
  });
});

describe('images', () => {
  test('WebP is what Chromium fetches; width and height reserve the space; lazy after the first', async () => {
    const page = await openCourse(browser, urls.en!);
    await goTo(page, 'pictures');
    const images = await page.locator('#cp-page img').evaluateAll((imgs) =>
      (imgs as HTMLImageElement[]).map((img) => ({ width: img.getAttribute('width'), height: img.getAttribute('height'), loading: img.loading, alt: img.alt })),
    );
    expect(images[0]).toEqual({ width: '720', height: '480', loading: 'auto', alt: 'Boats moored in a small harbour at dawn' });
    for (const img of images.slice(1)) expect(img).toMatchObject({ width: '720', height: '480', loading: 'lazy' });
    const first = page.locator('#cp-page .cp-figure img');
    await first.evaluate((img: HTMLImageElement) => img.decode());
    expect(await first.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/cp-media\/media\/harbour-\d+\.webp$/);
  });
});
