import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import type { CourseData } from '../../../src/contract/course-data';
import { Learner } from '../learner';
import type { TestLms } from './lms-server';
import { lostProgress, truthOf, type Truth } from './progress-audit';

export type Standard = 'scorm12' | 'scorm2004';
export type Profile = Record<string, string | number>;

export interface Course {
  pkg: string;
  standard: Standard;
  mastery: number;
}

export interface Visit {
  learnerId: string;
  course: Course;
  page: Page;
  frame: Frame;
  learner: Learner;
  data: CourseData;
  calls(): Promise<{ fn: string; args: string[]; result: string; error: string }[]>;
}

/**
 * Journeys under a faulty LMS. A learner is one browser profile (a context): what this device keeps
 * for them survives between launches, as on a learner's own computer.
 */
export class FaultJourneys {
  /** Lost progress per journey, printed by the suite at the end. */
  readonly tally: [string, string, number][] = [];

  constructor(
    private readonly browser: Browser,
    private readonly lms: TestLms,
  ) {}

  async device(): Promise<BrowserContext> {
    return this.browser.newContext();
  }

  async launch(device: BrowserContext, course: Course, learnerId: string, profile: Profile): Promise<Visit> {
    const page = await device.newPage();
    if (process.env.DEBUG_E2E) page.on('console', (m) => console.log(`[${learnerId}] ${m.text()}`));
    await page.goto(this.lms.launchUrl(course.standard, course.pkg, learnerId, course.mastery, undefined, profile));
    const frame = await frameOf(page);
    await frame.locator('#cp-page h1').waitFor();
    // The player is ready once it has placed the learner (the first page is drawn before the LMS answers).
    await frame.waitForFunction(() => !!(window as any).coursepack);
    const learner = new Learner(frame);
    // The course opens on its welcome page: the learner presses Start (or Resume), as a person does.
    await learner.start();
    return { learnerId, course, page, frame, learner, data: await learner.data(), calls: () => page.evaluate(() => (window as any).lmsCalls) };
  }

  /** Answers every question on `pages` pages and turns them, as a learner would. */
  async walk(visit: Visit, pages: number): Promise<void> {
    const { next, submit, decide } = visit.data.strings as Record<string, string>;
    for (let i = 0; i < pages; i++) {
      await visit.learner.answerPage(true, { submit: submit!, decide: decide! });
      if ((await visit.learner.pageId()) === visit.data.pages.at(-1)!.id) break;
      await visit.learner.next(next);
    }
  }

  /** The LMS unloads the course frame (its own Exit, or the learner leaving the activity page); the LMS page stays. */
  async leaveFrame(visit: Visit): Promise<Truth> {
    const truth = await truthOf(visit.frame);
    await visit.page.evaluate(() => ((document.getElementById('sco') as HTMLIFrameElement).src = 'about:blank'));
    // The frame navigates once its pagehide handlers (the runtime's exit path) have run.
    await visit.page.waitForFunction(() => (document.getElementById('sco') as HTMLIFrameElement).contentWindow?.location.href === 'about:blank');
    return truth;
  }

  /** The learner closes the tab `afterMs` after their last action; nothing waits for the runtime. */
  async closeTab(visit: Visit, afterMs = 0): Promise<Truth> {
    const truth = await truthOf(visit.frame);
    if (afterMs) await visit.page.waitForTimeout(afterMs);
    await visit.page.close({ runBeforeUnload: true });
    await new Promise((r) => setTimeout(r, 300));
    return truth;
  }

  async saveAndExit(visit: Visit): Promise<Truth> {
    const truth = await truthOf(visit.frame);
    await visit.frame.locator('#cp-exit').click();
    await visit.frame.waitForFunction(() => (document.getElementById('cp-exit') as HTMLButtonElement).disabled);
    return this.leaveFrame(visit).then(() => truth);
  }

  /**
   * What the LMS holds against what the learner did; records the count under `journey`. A closing
   * page's last request may go by beacon, which arrives a little later: allow it a second.
   */
  async audit(stage: string, visit: Visit, truth: Truth): Promise<string[]> {
    const lost = () => lostProgress(this.lms.records.get(visit.learnerId), truth, visit.data, visit.course.standard);
    for (let wait = 0; wait < 10 && lost().length; wait++) await new Promise((r) => setTimeout(r, 100));
    const missing = lost();
    this.tally.push([visit.learnerId, stage, missing.length]);
    return missing;
  }

  /** Walks `pages`, leaves by the LMS's exit, relaunches: what the LMS lacked after the exit, and whether the relaunch resumed. */
  async leaveAndRelaunch(device: BrowserContext, course: Course, learnerId: string, profile: Profile, pages: number): Promise<{ lost: string[]; resumed: boolean; visit: Visit }> {
    const first = await this.launch(device, course, learnerId, profile);
    await this.walk(first, pages);
    const left = await this.leaveFrame(first);
    const lost = await this.audit('after exit', first, left);
    const visit = await this.launch(device, course, learnerId, profile);
    return { lost, resumed: sameProgress(left, await truthOf(visit.frame)), visit };
  }

  /** Waits for the notice that says `key` (an interface string) in the course's language. */
  async notice(visit: Visit, key: string): Promise<void> {
    await visit.frame.locator('#cp-notice-text', { hasText: visit.data.strings[key]! }).waitFor();
  }

  report(): string {
    const width = Math.max(...this.tally.map(([j]) => j.length));
    return ['lost progress (pages + answers + interactions + resume page + status + score missing at the LMS):', ...this.tally.map(([j, s, n]) => `  ${j.padEnd(width)}  ${s.padEnd(22)} ${n}`)].join('\n');
  }
}

async function frameOf(page: Page): Promise<Frame> {
  await page.frameLocator('#sco').locator('#cp-page').waitFor();
  return page.frame({ url: /index\.html/ })!;
}

/** Answers and pages the same between what the learner did and what a later launch shows. */
export function sameProgress(a: Truth, b: Truth): boolean {
  return a.page === b.page && JSON.stringify(a.answers) === JSON.stringify(b.answers) && a.visited.every((v, i) => !v || b.visited[i]);
}
