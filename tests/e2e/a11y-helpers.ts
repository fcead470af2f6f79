import axe from 'axe-core';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { compile, type CompileOptions } from '../../src/compiler';
import type { CourseData, RuntimeQuestion } from '../../src/contract/course-data';
import { startCourse } from './learner';
import { startStaticServer, type StaticServer } from './static-server';

/** The WCAG 2.1 A and AA rules, as the issue asks: axe's best-practice rules are not part of it. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const ALL_TYPES = 'tests/fixtures/courses/all-types';
export const ARABIC = 'tests/fixtures/courses/arabic';

/** Compiles a fixture course in memory and serves each package under /<fileName without .zip>/. */
export async function serveCourse(dir: string, options: CompileOptions): Promise<{ server: StaticServer; urls: string[] }> {
  const { packages } = await compile(dir, options);
  const server = await startStaticServer();
  const urls: string[] = [];
  for (const pkg of packages) {
    const prefix = pkg.fileName.replace(/\.zip$/, '');
    await server.mountZip(prefix, pkg.zip);
    urls.push(`${server.url}/${prefix}/index.html`);
  }
  return { server, urls };
}

/** Script errors, per page: a player that throws is not accessible whatever axe says. */
const errors: string[] = [];
const opened: BrowserContext[] = [];

/** Closes what openCourse opened and returns the script errors seen since the last call. */
export async function closeCourses(): Promise<string[]> {
  await Promise.all(opened.splice(0).map((c) => c.close()));
  return errors.splice(0);
}

/**
 * A fresh learner (own storage) on a course page, once the player shows the first page; with
 * `welcome`, still on the welcome page (the player running).
 */
export async function openCourse(browser: Browser, url: string, width = 1280, options: { welcome?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
  opened.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.locator('#cp-page h1').waitFor();
  if (options.welcome) await page.waitForFunction(() => !!(window as unknown as { coursepack?: object }).coursepack);
  else await startCourse(page);
  return page;
}

export async function courseData(page: Page | Frame): Promise<CourseData> {
  return JSON.parse((await page.locator('#cp-data').textContent()) ?? '{}');
}

/**
 * axe's WCAG 2.1 AA violations on what the page shows now, one readable line per failing node.
 * Contrast axe could not decide counts too: the default theme must be shown to pass, not assumed.
 */
export async function axeViolations(page: Page | Frame): Promise<string[]> {
  // Evaluated through the DevTools protocol, not added as a <script>: every package page carries a
  // Content-Security-Policy that (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axe.source}\n;void 0`);
  const result = await page.evaluate(async (tags) => {
    // Let colour transitions end (or be cancelled): a half-faded button is not what the learner reads.
    await Promise.allSettled(document.getAnimations().map((a) => a.finished));
    return (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } });
  }, WCAG_TAGS);
  const undecided = result.incomplete.filter((r) => r.id === 'color-contrast').map((r) => ({ ...r, impact: 'needs review' as const }));
  return [...result.violations, ...undecided].flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${(n.failureSummary ?? n.any[0]?.message ?? '').replace(/\s+/g, ' ')}`));
}

/** Heading levels in document order, hidden ones left out. */
export async function headingLevels(page: Page | Frame): Promise<number[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('h1,h2,h3,h4,h5,h6')).filter((h) => h.offsetParent !== null).map((h) => Number(h.tagName[1])),
  );
}

/** Answers every open question on the page, right or wrong, by the forms' controls (any language). */
export async function answerPage(page: Page | Frame, right: boolean): Promise<number> {
  const data = await courseData(page);
  const forms = page.locator('#cp-page form[data-question]');
  let answered = 0;
  for (let n = 0; n < (await forms.count()); n++) {
    const form = forms.nth(n);
    if (!(await form.isVisible()) || (await form.locator('button[type=submit]').isDisabled())) continue;
    await fill(form, data.questions[Number(await form.getAttribute('data-question'))]!, right);
    await form.locator('button[type=submit]').click();
    await form.locator('[data-feedback]:not([hidden])').waitFor();
    answered++;
  }
  return answered;
}

async function fill(form: Locator, q: RuntimeQuestion, right: boolean): Promise<void> {
  const pick = (i: number) => form.locator(`input[value="${i}"]`).check();
  switch (q.type) {
    case 'multiple-response': {
      const chosen = right ? q.correct! : [q.choices!.findIndex((_, i) => !q.correct!.includes(i))];
      for (let i = 0; i < q.choices!.length; i++) await form.locator(`input[value="${i}"]`).setChecked(chosen.includes(i));
      break;
    }
    case 'fill-in':
      await form.getByRole('textbox').fill(right ? q.accepted![0]! : 'zzz');
      break;
    case 'open':
      await form.getByRole('textbox').fill('Plus d’exemples, please — شكراً');
      break;
    case 'likert':
      await pick(0);
      break;
    case 'matching':
      for (let s = 0; s < q.sources!.length; s++) await form.locator(`select[data-source="${s}"]`).selectOption(String(right ? s : (s + 1) % q.sources!.length));
      break;
    case 'ordering': {
      // Bubble each item into place with its Move up button.
      const order = () => form.locator('[data-item]').evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.item)));
      const target = [...(await order())].sort((a, b) => (right ? a - b : b - a));
      for (let pos = 0; pos < target.length; pos++) {
        for (let at = (await order()).indexOf(target[pos]!); at > pos; at--) await form.locator(`[data-item="${target[pos]}"] [data-move="-1"]`).click();
      }
      break;
    }
    default: {
      const correct = q.correct![0]!;
      await pick(right ? correct : (correct + 1) % q.choices!.length);
    }
  }
}
