/**
 * `coursepack preview` driven in Chromium: the emulator page launches the course under each
 * standard, the learner answers, the LMS data panel follows, a relaunch resumes, an edit of a course
 * file rebuilds and reloads with the learner's place kept, and content errors show in the page.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { startPreview, type PreviewServer } from '../../src/preview/server';
import { launchBrowser } from './browser';
import { Learner, startCourse } from './learner';

jest.setTimeout(180000);

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'courses', 'all-types');
const ROOT = path.join(__dirname, '..', '..');

let browser: Browser;
let preview: PreviewServer;
let courseDir: string;
let context: BrowserContext | undefined;

/** A private copy of the fixture course: the tests edit it. */
async function copyCourse(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'coursepack-preview-'));
  await fs.cp(FIXTURE, dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  courseDir = await copyCourse();
  [browser, preview] = await Promise.all([launchBrowser(), startPreview({ courseDir, port: 0, debounceMs: 50 })]);
});

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  if (courseDir) await fs.rm(courseDir, { recursive: true, force: true });
});

beforeEach(async () => {
  // A new learner for every test, in a browser profile of their own.
  await fetch(`${preview.url}api/reset`, { method: 'POST' });
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

interface Session {
  page: Page;
  frame: Frame;
  learner: Learner;
}

async function open(standard: string, lang = 'en'): Promise<Session> {
  const page = await context!.newPage();
  if (process.env.DEBUG_E2E) {
    page.on('console', (m) => console.log(`[preview] ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[preview] pageerror: ${e.message}`));
  }
  await page.goto(`${preview.url}?standard=${standard}&lang=${lang}`);
  await ready(page);
  const frame = page.frame({ url: /\/pkg\// })!;
  return { page, frame, learner: new Learner(frame) };
}

/** The course is on screen, the player started (its adapter answered) and the learner left the welcome page. */
async function ready(page: Page): Promise<void> {
  await page.frameLocator('#course').locator('#cp-page h1').waitFor();
  await page.waitForFunction(() => {
    const course = document.querySelector<HTMLIFrameElement>('#course')?.contentWindow as unknown as { coursepack?: object } | undefined;
    return !!course?.coursepack;
  });
  await startCourse(page.frame({ url: /\/pkg\// })!);
}

/** Waits until the panel element's text matches. */
async function panelShows(page: Page, selector: string, text: string | RegExp): Promise<string> {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout: 15000 });
  return (await page.locator(selector).first().textContent()) ?? '';
}

async function tab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
}

const failedRows = (page: Page) => page.locator('#calls li.bad').count();

async function relaunch(s: Session): Promise<void> {
  const before = await s.page.evaluate(() => (window as any).preview.launch.session as number);
  // The runtime commits at checkpoints, 500 ms apart: let the last one go, as a learner would.
  await s.page.waitForTimeout(700);
  await s.page.getByRole('button', { name: 'Relaunch as returning learner' }).click();
  await s.page.waitForFunction((b) => (window as any).preview.launch?.session > b, before);
  await ready(s.page);
}

describe('SCORM under scorm-again (strict, as the e2e LMS)', () => {
  test('2004: launch, answer, the panel follows; relaunch resumes on the same page with the answers', async () => {
    const s = await open('scorm2004');
    expect(await panelShows(s.page, '#status', 'incomplete')).toContain('unknown');
    expect(await s.page.locator('#entry').textContent()).toContain('ab-initio');
    expect(await s.page.locator('#who').textContent()).toContain('preview-learner-');

    await s.learner.next();
    const answered = await s.learner.answerPage(true);
    expect(answered).toEqual(['sc', 'mr']);

    await panelShows(s.page, '#count-interactions', '2');
    await tab(s.page, /Interactions/);
    const rows = s.page.locator('#interactions tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('sc');
    expect(await rows.nth(0).textContent()).toContain('correct');
    expect(await rows.nth(1).textContent()).toContain('mr');

    await panelShows(s.page, '#location', 'choices');
    await tab(s.page, /Bookmark/);
    await s.page.locator('#bm-answers tr[data-question="mr"]').waitFor();
    expect(await s.page.locator('#bm-page').textContent()).toContain('choices');
    expect(await s.page.locator('#bm-answers tr[data-question="sc"]').textContent()).toContain('B');
    const raw = (await s.page.locator('#bm-raw').textContent()) ?? '';
    expect(raw).toMatch(/^1[A-Za-z0-9_-]{4}~/);
    expect(await s.page.locator('#suspend-size').textContent()).toContain(`${raw.length} / 64,000 chars`);

    await tab(s.page, /API calls/);
    expect(await s.page.locator('#calls li:not(.sep)').count()).toBeGreaterThan(10);
    expect(await s.page.locator('#calls').textContent()).toContain('Initialize');
    expect(await failedRows(s.page)).toBe(0);
    await panelShows(s.page, '#commits', /^[1-9]/);

    await relaunch(s);
    expect(await s.learner.pageId()).toBe('choices');
    expect(await panelShows(s.page, '#entry', 'resume')).toContain('resume');
    // The LMS loaded the learner's record back: the interactions of the first session are there.
    expect(await s.page.locator('#count-interactions').textContent()).toBe('2');
    const forms = s.frame.locator('#cp-page form[data-question]');
    for (let n = 0; n < (await forms.count()); n++) expect(await forms.nth(n).locator('button[type=submit]').isDisabled()).toBe(true);
    await tab(s.page, /API calls/);
    expect(await s.page.locator('#calls li.sep').count()).toBe(2);
    expect(await failedRows(s.page)).toBe(0);
  });

  test('1.2: walking the course with right answers shows passed, score 100, every call error 0', async () => {
    const s = await open('scorm12');
    expect(await panelShows(s.page, '#status', 'incomplete')).toContain('incomplete');
    const data = await s.learner.data();
    for (let i = 0; i < data.pages.length; i++) {
      await s.learner.answerPage(true);
      if (i < data.pages.length - 1) await s.learner.next();
    }
    expect(await panelShows(s.page, '#status', 'passed')).toContain('passed');
    expect(await panelShows(s.page, '#score', '100')).toContain('/ 100');
    expect(await s.page.locator('#suspend-size').textContent()).toMatch(/\/ 4,096 chars/);
    expect(Number(await s.page.locator('#count-interactions').textContent())).toBeGreaterThanOrEqual(12);
    await tab(s.page, /API calls/);
    expect(await failedRows(s.page)).toBe(0);
    const calls: { error: string; separator?: boolean }[] = await s.page.evaluate(() => (window as any).preview.calls);
    expect(calls.filter((c) => !c.separator && c.error !== '0')).toEqual([]);
  });
});

describe('editing the course', () => {
  const lesson = () => path.join(courseDir, 'lessons', 'basics.en.md');
  const french = () => path.join(courseDir, 'lessons', 'basics.fr.md');
  const courseYaml = () => path.join(courseDir, 'course.yaml');

  test('an edit reloads the course in place; a content error shows file, line and message; the fix reloads', async () => {
    const s = await open('scorm2004');
    await s.learner.next();
    await s.learner.answerPage(true);
    await panelShows(s.page, '#location', 'choices');
    await s.page.waitForTimeout(700);
    const original = await fs.readFile(lesson(), 'utf8');
    const frenchOriginal = await fs.readFile(french(), 'utf8');
    try {
      // Same structure: the course reloads on the learner's page with their answers.
      const started = Date.now();
      await fs.writeFile(lesson(), original.replace('# Choices (en) {#choices}', '# Choices, edited (en) {#choices}'));
      // The reloaded course welcomes the learner back with the edited title of their page.
      await s.page.frameLocator('#course').locator('#cp-page [data-resume]', { hasText: 'Choices, edited' }).waitFor({ timeout: 20000 });
      await ready(s.page);
      expect(await s.learner.heading().textContent()).toContain('Choices, edited');
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(15000);
      expect(await s.learner.pageId()).toBe('choices');
      expect(await s.frame.locator('#cp-page form[data-question] button[type=submit]').first().isDisabled()).toBe(true);
      expect(await panelShows(s.page, '#entry', 'resume')).toContain('resume');

      // A new page before it (in every language) changes the structure: the bookmark is dropped, the location kept.
      await s.page.waitForTimeout(700);
      await fs.writeFile(french(), frenchOriginal.replace('# Choices (fr) {#choices}', '# Inserted page (fr) {#inserted}\n\nNouveau texte.\n\n# Choices (fr) {#choices}'));
      await fs.writeFile(lesson(), original.replace('# Choices (en) {#choices}', '# Inserted page (en) {#inserted}\n\nNew text.\n\n# Choices (en) {#choices}'));
      await s.page.frameLocator('#course').locator('#cp-page [data-resume]', { hasText: 'Choices (en)' }).waitFor({ timeout: 20000 });
      await ready(s.page);
      expect(await s.learner.pageId()).toBe('choices');
      expect((await s.learner.data()).pages.map((p) => p.id)).toContain('inserted');

      // A content error: the page lists it instead of showing a blank course.
      const yaml = await fs.readFile(courseYaml(), 'utf8');
      await fs.writeFile(courseYaml(), yaml.replace('masteryScore: 75', 'masteryScore: 175'));
      await s.page.locator('#errors').waitFor({ state: 'visible', timeout: 20000 });
      const line = yaml.split('\n').findIndex((l) => l.startsWith('masteryScore')) + 1;
      const shown = (await s.page.locator('#errors-list').textContent()) ?? '';
      expect(shown).toContain(`course.yaml:${line}:`);
      expect(shown).toMatch(/masteryScore/);
      expect(await s.page.locator('#build').textContent()).toContain('Content errors');
      // A page opened on the broken course shows the same list, not a blank screen.
      const other = await context!.newPage();
      await other.goto(`${preview.url}?standard=scorm12&lang=en`);
      await other.locator('#errors').waitFor({ state: 'visible' });
      expect(await other.locator('#errors-list').textContent()).toContain(`course.yaml:${line}:`);
      await other.close();

      await fs.writeFile(courseYaml(), yaml);
      await s.page.locator('#errors').waitFor({ state: 'hidden', timeout: 20000 });
      await ready(s.page);
      expect(await s.learner.pageId()).toBe('choices');
    } finally {
      await fs.writeFile(lesson(), original);
      await fs.writeFile(french(), frenchOriginal);
    }
  });
});

describe('xAPI and cmi5 against the preview LRS', () => {
  const verbs = (page: Page) => page.locator('#statements li[data-verb]').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.verb));

  test('xAPI: statements and the state document appear; relaunch resumes', async () => {
    const s = await open('xapi');
    await tab(s.page, /Statements/);
    await s.page.locator('#statements li[data-verb="initialized"]').waitFor();
    await s.learner.next();
    await s.learner.answerPage(true);
    await s.page.locator('#statements li[data-verb="answered"]').nth(1).waitFor();
    expect(await verbs(s.page)).toEqual(expect.arrayContaining(['initialized', 'experienced', 'answered']));
    await panelShows(s.page, '#location', 'choices');
    await panelShows(s.page, '#count-interactions', '2');
    await tab(s.page, /Requests/);
    expect(await s.page.locator('#calls').textContent()).toContain('POST statements');
    expect(await failedRows(s.page)).toBe(0);

    await relaunch(s);
    expect(await s.learner.pageId()).toBe('choices');
    await tab(s.page, /Statements/);
    await s.page.locator('#statements li[data-verb="resumed"]').waitFor();
    await tab(s.page, /Requests/);
    expect(await failedRows(s.page)).toBe(0);
  });

  test('cmi5: the LMS launches (fetch URL, LaunchData, launched), the AU initializes; relaunch is a new session', async () => {
    const s = await open('cmi5');
    await tab(s.page, /Statements/);
    await s.page.locator('#statements li[data-verb="initialized"]').waitFor();
    expect((await verbs(s.page)).slice(0, 2)).toEqual(['launched', 'initialized']);
    expect(await panelShows(s.page, '#launch-data', 'moveOn')).toContain('Normal');
    await s.learner.next();
    await s.learner.answerPage(true);
    await panelShows(s.page, '#location', 'choices');

    await relaunch(s);
    expect(await s.learner.pageId()).toBe('choices');
    await tab(s.page, /Statements/);
    await s.page.locator('#statements li[data-verb="launched"]').nth(1).waitFor();
    await s.page.locator('#statements li[data-verb="initialized"]').nth(1).waitFor();
    // The first session ended without terminated (the frame was unloaded): the LMS says abandoned.
    const list = await verbs(s.page);
    expect(list.indexOf('abandoned')).toBeGreaterThan(0);
    expect(list.indexOf('abandoned')).toBeLessThan(list.lastIndexOf('launched'));
    await tab(s.page, /Requests/);
    expect(await failedRows(s.page)).toBe(0);
  });
});

describe('standards, languages and learners', () => {
  test('switching standard and language relaunches; web keeps its place in the browser; reset starts over', async () => {
    const s = await open('scorm2004');
    await s.learner.next();
    await panelShows(s.page, '#location', 'choices');

    await s.page.locator('#standard').selectOption('web');
    await s.page.waitForFunction(() => (window as any).preview.target === 'web' && (window as any).preview.launch?.build.target === 'web');
    await ready(s.page);
    expect(await panelShows(s.page, '#status', 'not tracked')).toContain('not tracked');
    await s.learner.next();
    await panelShows(s.page, '#location', 'choices');
    expect(new URL(s.page.url()).searchParams.get('standard')).toBe('web');

    await s.page.locator('#lang').selectOption('fr');
    await s.page.frameLocator('#course').locator('html[lang=fr] #cp-page h1').waitFor();
    expect(await s.page.locator('#lang').inputValue()).toBe('fr');

    await s.page.locator('#standard').selectOption('scorm2004');
    await s.page.locator('#lang').selectOption('en');
    await s.page.frameLocator('#course').locator('html[lang=en] #cp-page h1').waitFor();
    await ready(s.page);
    await panelShows(s.page, '#location', 'choices');

    await s.page.getByRole('button', { name: 'Reset learner' }).click();
    await panelShows(s.page, '#entry', 'ab-initio');
    await ready(s.page);
    expect(await s.learner.pageId()).toBe('welcome');
    expect(await s.page.locator('#who').textContent()).toMatch(/preview-learner-\d+ · launch 1/);
  });
});

describe('the preview server', () => {
  test('refuses other hosts, serves an LRS that checks the xAPI version header', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${preview.url}api/info`, { headers: { host: 'attacker.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    const unversioned = await fetch(`${preview.url}xapi/statements`, { method: 'POST', headers: { Authorization: 'Basic eDp5', 'Content-Type': 'application/json' }, body: '[]' });
    expect(unversioned.status).toBe(400);
    const about = await fetch(`${preview.url}xapi/about`);
    expect(await about.json()).toEqual({ version: ['1.0.3'] });
  });

  test('`coursepack preview` prints the URL, serves the emulator, and stops cleanly on Ctrl+C', async () => {
    const dir = await copyCourse();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'coursepack.js'), 'preview', dir, '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      let errText = '';
      child.stderr.on('data', (c: Buffer) => (errText += c.toString()));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}${errText}`)), 60000);
        child.stdout.on('data', () => {
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[0]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}${errText}`)));
      });
      const page = await (await fetch(url)).text();
      expect(page).toContain('Coursepack');
      const build = (await (await fetch(`${url}api/build?target=scorm12&lang=en`)).json()) as { ok: boolean; title: string; languages: string[] };
      expect(build).toMatchObject({ ok: true, title: 'Every question type', languages: ['en', 'fr'] });
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(out).toContain('Preview stopped.');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
