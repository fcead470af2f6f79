import { existsSync, promises as fs } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { median } from './build-figures';
import type { LaunchFigures } from './figures';
import { startLoopback } from './loopback';

/** Debian's Chromium, as the browser tests use it (tests/e2e/browser.ts); undefined when absent. */
export function chromiumPath(): string | undefined {
  return [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p): p is string => !!p && existsSync(p));
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * Runs in every frame before its scripts. In the course frame, it reports the first animation frame
 * in which the first page's heading is laid out and visible, in ms since that frame's navigation
 * started (performance.timeOrigin): the launcher and LMS API set-up before it are not counted.
 */
const HEADING_PROBE = `(() => {
  if (!location.pathname.startsWith('/pkg/')) return;
  const tick = () => {
    const h = document.querySelector('#cp-page h1');
    if (h && h.getBoundingClientRect().height > 0 && h.checkVisibility()) window.benchHeadingVisible(performance.now());
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/**
 * Opens each package `runs` times (after one warm-up) in a fresh browser context: empty cache and
 * storage, like a learner's first launch. Returns the median per target.
 */
export async function measureLaunch(browser: Browser, course: string, lang: string, zips: Record<string, string>, runs: number): Promise<LaunchFigures> {
  const loopback = await startLoopback();
  const figures: LaunchFigures = { course, lang, targets: {} };
  try {
    for (const [target, file] of Object.entries(zips)) {
      await loopback.mountZip(target, await fs.readFile(file));
      const samples: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const ms = await launchOnce(browser, loopback.launchUrl(target, target));
        if (i > 0) samples.push(ms);
      }
      figures.targets[target] = { medianMs: median(samples), samplesMs: samples };
    }
  } finally {
    await loopback.close();
  }
  return figures;
}

async function launchOnce(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  try {
    return (await openTimed(context, url)).headingMs;
  } finally {
    await context.close();
  }
}

/** Opens `url` in a new page of `context`: the page, and ms to its course frame's first visible heading. */
export async function openTimed(context: BrowserContext, url: string): Promise<{ page: Page; headingMs: number }> {
  let report: (ms: number) => void = () => undefined;
  const visible = new Promise<number>((resolve) => (report = resolve));
  await context.exposeFunction('benchHeadingVisible', (ms: number) => report(ms));
  await context.addInitScript(HEADING_PROBE);
  const page = await context.newPage();
  await page.goto(url);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no heading visible within 15 s at ${url}`)), 15000)));
  try {
    return { page, headingMs: await Promise.race([visible, timeout]) };
  } finally {
    clearTimeout(timer);
  }
}
