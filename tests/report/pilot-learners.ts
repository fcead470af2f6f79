import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
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
  /** Whether to answer a quiz question right; called for each question the draw gave. */
  right(q: RuntimeQuestion): boolean;
}

/** What the learner actually did: the test's own record to check the report against. */
export interface PilotRecord {
  plan: PilotPlan;
  pagesSeen: string[];
  /** Scored question id (quiz and lesson checks) → right at the first (only) attempt. */
  answers: Map<string, { right: boolean; role: string }>;
  surveyAnswered: string[];
  completed: boolean;
}

/**
 * Runs one learner through a Tin Can package in Chromium as an LMS would launch it (own
 * credentials, registration, the team as the launch's grouping). Lesson checks are skipped; the
 * quiz and the survey are answered; Save and exit, then the outbox must be empty.
 */
export async function runPilotLearner(browser: Browser, lrs: TestLrs, packageUrl: string, plan: PilotPlan): Promise<PilotRecord> {
  const { authorization } = lrs.addCredential(plan.name);
  const actor = { objectType: 'Agent', name: plan.name, mbox: `mailto:${plan.name}@example.org` };
  const query = new URLSearchParams({ endpoint: lrs.endpoint, auth: authorization, actor: JSON.stringify(actor), registration: randomUUID(), grouping: plan.team });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${packageUrl}?${query}`);
  await ready(page);
  const learner = new Learner(page.mainFrame());
  const data: CourseData = await learner.data();
  query.set('activity_id', data.activityId);
  const record: PilotRecord = { plan, pagesSeen: [], answers: new Map(), surveyAnswered: [], completed: false };
  const last = Math.min(plan.stopAfter ?? data.pages.length, data.pages.length);
  for (let i = 0; i < last; i++) {
    record.pagesSeen.push(await learner.pageId());
    const answered = await learner.answerPage(
      (q) => {
        const right = q.role === 'quiz' ? plan.right(q) : true;
        if (q.role !== 'survey') record.answers.set(q.id, { right, role: q.role });
        return right;
      },
      { submit: data.strings.submit!, decide: data.strings.decide! },
    );
    for (const id of answered) if (data.questions.find((q) => q.id === id)?.role === 'survey') record.surveyAnswered.push(id);
    if (i < last - 1) await learner.next(data.strings.next ?? 'Next');
  }
  record.completed = last === data.pages.length;
  await page.click('#cp-exit');
  await page.waitForFunction(() => Object.keys(localStorage).every((k) => !k.startsWith('coursepack:outbox:')));
  await context.close();
  return record;
}
