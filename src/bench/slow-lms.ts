import { promises as fs } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { median } from './build-figures';
import type { SlowLmsFigures } from './figures';
import { openTimed } from './launch';
import { startLoopback } from './loopback';

/** Each SCORM API call blocks this long, as a cross-frame or network wrapper does (issue 10). */
export const SLOW_CALL_MS = 100;
const TURNS = 8;
/** A learner reads for a while before the next page: the runtime's commits run meanwhile. */
const READING_MS = 900;

/**
 * The SCORM packages under a test LMS that takes 100 ms per API call: time to the first heading,
 * time from a Next click to the new page's heading being painted, and API calls (GetLastError
 * included) per page turn, over `runs` fresh launches each.
 */
export async function measureSlowLms(browser: Browser, zips: Record<string, string>, runs: number): Promise<SlowLmsFigures> {
  const loopback = await startLoopback();
  const figures: SlowLmsFigures = { callMs: SLOW_CALL_MS, targets: {} };
  try {
    for (const target of ['scorm12', 'scorm2004'].filter((t) => zips[t])) {
      await loopback.mountZip(target, await fs.readFile(zips[target]!));
      const heading: number[] = [];
      const turns: number[] = [];
      const calls: number[] = [];
      for (let i = 0; i < runs; i++) {
        const run = await oneRun(browser, loopback.launchUrl(target, target, { slow: String(SLOW_CALL_MS) }));
        heading.push(run.headingMs);
        turns.push(...run.turnMs);
        calls.push(run.callsPerTurn);
      }
      figures.targets[target] = { headingMs: median(heading), turnMs: median(turns), worstTurnMs: Math.max(...turns), callsPerTurn: median(calls) };
    }
  } finally {
    await loopback.close();
  }
  return figures;
}

async function oneRun(browser: Browser, url: string): Promise<{ headingMs: number; turnMs: number[]; callsPerTurn: number }> {
  const context = await browser.newContext();
  try {
    const { page, headingMs } = await openTimed(context, url);
    const frame = page.frame({ url: /index\.html/ })!;
    await frame.waitForFunction('!!window.coursepack');
    await settle(page);
    const before = await apiCalls(page);
    const turnMs: number[] = [];
    for (let i = 0; i < TURNS; i++) {
      turnMs.push(await turnPage(frame));
      await page.waitForTimeout(READING_MS);
    }
    await settle(page);
    return { headingMs, turnMs, callsPerTurn: ((await apiCalls(page)) - before) / TURNS };
  } finally {
    await context.close();
  }
}

const apiCalls = (page: Page): Promise<number> => page.evaluate('window.lmsCalls.length + (window.lmsErrorCalls || 0)');

/** Waits until no API call has been made for a second (launch commits done). */
async function settle(page: Page): Promise<void> {
  for (let last = -1, now = await apiCalls(page); now !== last; last = now, now = await apiCalls(page)) await page.waitForTimeout(1000);
}

/** Clicks Next and returns ms until the frame in which the new heading is laid out (runs in the course frame). */
const TURN = `new Promise((resolve) => {
  const before = document.querySelector('#cp-page h1')?.textContent;
  const started = performance.now();
  document.getElementById('cp-next').click();
  const tick = () => {
    const h = document.querySelector('#cp-page h1');
    if (h && h.textContent !== before && h.getBoundingClientRect().height > 0) resolve(performance.now() - started);
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})`;

const turnPage = (frame: Frame): Promise<number> => frame.evaluate(TURN);
