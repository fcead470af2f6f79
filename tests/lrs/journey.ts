import type { Page } from 'playwright-core';
import type { CourseData } from '../../src/contract/course-data';
import { Learner, startCourse } from '../e2e/learner';

/** The player's page index (0-based), from the page's own state. */
export const pageIndex = (page: Page) => page.evaluate(() => (window as unknown as { coursepack: { state: { page: number } } }).coursepack.state.page);

/** Waits until the player has started (adapter.start resolved) and the learner has left the welcome page. */
export const ready = (page: Page) => startCourse(page);

export interface Walk {
  /** Answer the quiz right (pass) or wrong (fail); every other question is answered right. */
  quiz: 'pass' | 'fail';
  /** Stop on this page index (answered); default: the last page. */
  until?: number;
}

/**
 * A learner going through the course from where it is: answers each page's questions, then Next,
 * until `until` or the last page. Returns the ids of the questions answered.
 */
export async function walk(page: Page, plan: Walk): Promise<string[]> {
  const learner = new Learner(page.mainFrame());
  const data: CourseData = await learner.data();
  const stop = plan.until ?? data.pages.length - 1;
  const answered: string[] = [];
  for (let i = await pageIndex(page); ; i = await pageIndex(page)) {
    const right = (q: { role: string }) => q.role !== 'quiz' || plan.quiz === 'pass';
    answered.push(...(await learner.answerPage(right)));
    if (i >= stop) return answered;
    await learner.next();
  }
}

/** Key of this course's outbox / cmi5 outbox entries in localStorage that still hold statements. */
export const unsent = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('coursepack:outbox:') || k.startsWith('coursepack:cmi5-outbox:')).reduce((n, k) => n + (JSON.parse(localStorage.getItem(k) ?? '[]') as unknown[]).length, 0));

/** Polls `read` until `ok` holds (or throws with the last value after `timeout` ms). */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 15000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > end) throw new Error(`still ${JSON.stringify(value)} after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
