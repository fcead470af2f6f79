import { randomUUID } from 'node:crypto';
import type { Browser, Locator } from 'playwright-core';
import type { CourseData, RuntimeQuestion } from '../../src/contract/course-data';
import { Learner } from '../e2e/learner';
import { ready } from '../lrs/journey';
import type { TestLrs } from '../lrs/test-lrs-endpoint';

/** What one scripted pilot learner does, chosen by the test so it can compute the report itself. */
export interface PilotPlan {
  name: string;
  lang: string;
  team: string;
  /** Stop after this many pages (never completes), or go through the whole course. */
  stopAfter?: number;
  /** Whether to answer a scored question (quiz, check, scenario) right; called for each one met. */
  right(q: RuntimeQuestion): boolean;
  /** Minutes spent on page n (0-based) before going on: the browser's clock jumps that far ahead. */
  reading?(n: number): number;
}

/** What the learner actually did: the test's own record to check the report against. */
export interface PilotRecord {
  plan: PilotPlan;
  registration: string;
  pagesSeen: string[];
  /** Scored question id (quiz and lesson checks) → right at the first (only) attempt, and the option ids ticked. */
  answers: Map<string, { right: boolean; role: string; chosen: string[] }>;
  surveyAnswered: string[];
  completed: boolean;
}

const letters = 'abcdefghijklmnopqrstuvwxyz';
const outboxEmpty = () => Object.keys(localStorage).every((k) => !k.startsWith('coursepack:outbox:'));

/** The response ids of the options ticked in an answered form, read from the page (true-false: 0 is true). */
async function ticked(form: Locator, q: RuntimeQuestion): Promise<string[]> {
  if (!['single-choice', 'multiple-response', 'scenario', 'true-false'].includes(q.type)) return [];
  const values = await form.locator('input:checked').evaluateAll((inputs) => inputs.map((i) => Number((i as HTMLInputElement).value)));
  return values.map((v) => (q.type === 'true-false' ? (v === 0 ? 'true' : 'false') : letters[v]!));
}

/**
 * Runs one learner through a Tin Can package in Chromium as an LMS would launch it (own
 * credentials, registration, the team as the launch's grouping). Scored questions are answered as
 * the plan says and the survey is answered; Save and exit, then the outbox must be empty.
 * The browser's clock starts three hours ago and jumps ahead by each page's reading time, so the
 * statements' timestamps carry minutes of study (and stay in the past) without the test waiting.
 */
export async function runPilotLearner(browser: Browser, lrs: TestLrs, packageUrl: string, plan: PilotPlan): Promise<PilotRecord> {
  const { authorization } = lrs.addCredential(plan.name);
  const actor = { objectType: 'Agent', name: plan.name, mbox: `mailto:${plan.name}@example.org` };
  const registration = randomUUID();
  const query = new URLSearchParams({ endpoint: lrs.endpoint, auth: authorization, actor: JSON.stringify(actor), registration, grouping: plan.team });
  const context = await browser.newContext();
  await context.clock.install({ time: Date.now() - 3 * 3600 * 1000 });
  const page = await context.newPage();
  await page.goto(`${packageUrl}?${query}`);
  await ready(page);
  const learner = new Learner(page.mainFrame());
  const data: CourseData = await learner.data();
  const record: PilotRecord = { plan, registration, pagesSeen: [], answers: new Map(), surveyAnswered: [], completed: false };
  const last = Math.min(plan.stopAfter ?? data.pages.length, data.pages.length);
  for (let i = 0; i < last; i++) {
    record.pagesSeen.push(await learner.pageId());
    const decided = new Map<string, boolean>();
    const decide = (q: RuntimeQuestion) => decided.set(q.id, q.role === 'survey' || plan.right(q)).get(q.id)!;
    const answered = await learner.answerPage(decide, { submit: data.strings.submit!, decide: data.strings.decide! });
    for (const id of answered) {
      const index = data.questions.findIndex((q) => q.id === id);
      const q = data.questions[index]!;
      if (q.role === 'survey') record.surveyAnswered.push(id);
      else record.answers.set(id, { right: decided.get(id)!, role: q.role, chosen: await ticked(page.locator(`#cp-page form[data-question="${index}"]`), q) });
    }
    const minutes = plan.reading?.(i) ?? 0;
    if (minutes) {
      // Statements already made go out first, so none waits through the jump.
      await page.waitForFunction(outboxEmpty);
      await page.clock.fastForward(Math.round(minutes * 60000));
    }
    if (i < last - 1) await learner.next(data.strings.next ?? 'Next');
  }
  record.completed = last === data.pages.length;
  await page.click('#cp-exit');
  await page.waitForFunction(outboxEmpty);
  await context.close();
  return record;
}
