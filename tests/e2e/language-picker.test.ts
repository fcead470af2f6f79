/**
 * Issue 4 part 2: `bundleLanguages` (CLI --bundle-languages) writes one package per target with
 * every language; index.html is the language picker and each language sits in its own folder. The
 * learner's language is kept: in the LMS location under SCORM (one LMS session, opened by the
 * picker, shared with the course in its frame), in the browser otherwise.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { compile } from '../../src/compiler';
import { checkPackage } from '../../src/conformance';
import { launchBrowser } from './browser';
import { Learner, startCourse } from './learner';
import { startTestLms, type TestLms } from './lms/lms-server';
import { ALL_TYPES, axeViolations, closeCourses, serveCourse } from './a11y-helpers';
import type { StaticServer } from './static-server';

jest.setTimeout(180000);

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => expect(await closeCourses()).toEqual([]));

test('one package per target: the picker at the root, each language complete in its folder, a valid manifest', async () => {
  const { packages } = await compile(ALL_TYPES, { targets: ['scorm12', 'scorm2004', 'web'], bundleLanguages: true });
  expect(packages.map((p) => [p.fileName, p.lang])).toEqual([
    ['all-types-scorm12.zip', 'mul'],
    ['all-types-scorm2004.zip', 'mul'],
    ['all-types-web.zip', 'mul'],
  ]);
  const zip = await JSZip.loadAsync(packages[0]!.zip);
  const names = Object.keys(zip.files);
  expect(names).toEqual(expect.arrayContaining(['index.html', 'picker.js', 'coursepack.css', 'en/index.html', 'en/coursepack.js', 'en/handouts/basics.en.html', 'fr/index.html', 'fr/media/dot.svg']));
  expect(await zip.file('imsmanifest.xml')!.async('string')).toContain('href="index.html"');
  const dir = mkdtempSync(path.join(tmpdir(), 'cp-bundle-'));
  for (const pkg of packages) {
    writeFileSync(path.join(dir, pkg.fileName), pkg.zip);
    const report = await checkPackage(path.join(dir, pkg.fileName));
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
  }
  rmSync(dir, { recursive: true });
});

describe('web package', () => {
  let server: StaticServer;
  let url: string;
  beforeAll(async () => {
    const served = await serveCourse(ALL_TYPES, { targets: ['web'], bundleLanguages: true });
    server = served.server;
    url = served.urls[0]!;
  });
  afterAll(() => server?.close());

  test('the picker names each language in its own language, passes axe, and the choice is remembered', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    const links = page.locator('.cp-languages a');
    expect(await links.evaluateAll((as) => as.map((a) => [a.getAttribute('lang'), a.querySelector('strong')!.textContent]))).toEqual([
      ['en', 'English'],
      ['fr', 'Français'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /Français/ }).click();
    await page.locator('#cp-page h1').waitFor();
    expect(page.url()).toMatch(/\/fr\/index\.html$/);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await page.goto(url);
    await page.waitForURL(/\/fr\/index\.html$/);
    await page.goto(`${url}?choose`);
    expect(await links.count()).toBe(2);
    await page.context().close();
  });
});

describe.each(['scorm12', 'scorm2004'] as const)('%s package under scorm-again', (standard) => {
  let lms: TestLms;
  beforeAll(async () => {
    lms = await startTestLms();
    const { packages } = await compile(ALL_TYPES, { targets: [standard], bundleLanguages: true });
    await lms.mountZip(`pkg/bundle-${standard}`, packages[0]!.zip);
  });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    // Closed windows may leave the LMS's sockets open (a beacon, a keep-alive): the server must not wait on them.
    await Promise.all(contexts.map((c) => c.close()));
    lms?.server.closeAllConnections();
    await lms?.close();
  });

  const launch = async (learner: string): Promise<Page> => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(lms.launchUrl(standard, `bundle-${standard}`, learner, 75)); // the pass mark, as an LMS sets it
    return page;
  };
  const course = async (page: Page): Promise<Frame> => {
    await page.frameLocator('#sco').frameLocator('.cp-course-frame').locator('#cp-page h1').waitFor();
    const frame = page.frame({ url: /\/fr\/index\.html/ })!;
    await startCourse(frame);
    return frame;
  };
  const calls = (page: Page) => page.evaluate(() => (window as any).lmsCalls as { fn: string; args: string[]; error: string }[]);

  test('the chosen language is kept in the LMS location; relaunch opens it at the same page', async () => {
    const first = await launch(`${standard}-picker`);
    await first.frameLocator('#sco').getByRole('link', { name: /Français/ }).click();
    const learner = new Learner(await course(first));
    expect(await learner.frame.locator('html').getAttribute('lang')).toBe('fr');
    await learner.frame.locator('#cp-next').click();
    await learner.frame.locator('#cp-page article[data-page="choices"]').waitFor();
    const firstCalls = await calls(first);
    await new Promise((r) => setTimeout(r, 700)); // the runtime spaces commits 500 ms apart
    await first.close({ runBeforeUnload: true });
    expect(firstCalls.filter((c) => c.error !== '0')).toEqual([]);
    expect(firstCalls.filter((c) => /Initialize/.test(c.fn))).toHaveLength(1);
    const cmi = lms.records.get(`${standard}-picker`)!.cmi as any;
    const location = standard === 'scorm12' ? cmi.core.lesson_location : cmi.location;
    expect(location).toBe('fr:choices');

    const again = await launch(`${standard}-picker`);
    const resumed = await course(again);
    await resumed.locator('#cp-page article[data-page="choices"]').waitFor();
    expect(await again.frameLocator('#sco').locator('.cp-languages').isHidden()).toBe(true);
    expect((await calls(again)).filter((c) => c.error !== '0')).toEqual([]);
    await again.close();
  });

  test('closed at the picker: the attempt is already recorded as started, never "completed"; the picker shows again', async () => {
    const page = await launch(`${standard}-closed`);
    await page.frameLocator('#sco').locator('.cp-languages').waitFor();
    // Recorded by a commit at launch, not by anything sent while the window closes.
    for (let n = 0; n < 50 && !lms.records.has(`${standard}-closed`); n++) await new Promise((r) => setTimeout(r, 100));
    const cmi = lms.records.get(`${standard}-closed`)!.cmi as any;
    expect(standard === 'scorm12' ? [cmi.core.lesson_status, cmi.core.exit] : [cmi.completion_status, cmi.exit]).toEqual(['incomplete', 'suspend']);
    expect((await calls(page)).filter((c) => c.error !== '0')).toEqual([]);
    await page.close({ runBeforeUnload: true });
    const again = await launch(`${standard}-closed`);
    await again.frameLocator('#sco').locator('.cp-languages').waitFor();
    await new Promise((r) => setTimeout(r, 2500)); // longer than the picker's search for the LMS
    expect(await again.frameLocator('#sco').locator('.cp-course-frame').count()).toBe(0);
  });
});
