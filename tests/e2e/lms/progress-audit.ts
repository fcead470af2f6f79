import type { Frame } from 'playwright-core';
import { decodeBookmark, type Answer } from '../../../src/bookmark/codec';
import type { CourseData } from '../../../src/contract/course-data';
import type { LearnerRecord } from './lms-server';

/** What the learner did, read from the player's own state just before they leave. */
export interface Truth {
  visited: boolean[];
  answers: (Answer | undefined)[];
  page: number;
  outcome: { completed: boolean; success: string; score?: number };
}

export async function truthOf(frame: Frame): Promise<Truth> {
  return frame.evaluate(() => {
    const s = (window as any).coursepack.state;
    return { visited: [...s.visited], answers: s.answers.map((a: unknown) => (a === undefined ? null : a)), page: s.page, outcome: s.outcome() };
  });
}

const lessonStatus = (o: Truth['outcome']) => (o.success === 'failed' ? 'failed' : o.completed ? (o.success === 'passed' ? 'passed' : 'completed') : 'incomplete');

/**
 * Everything the learner did that the LMS record does not hold: each visited page, answer and
 * interaction missing counts one, so do a wrong resume page, status and score. 0 means nothing lost.
 */
export function lostProgress(record: LearnerRecord | undefined, truth: Truth, data: CourseData, standard: 'scorm12' | 'scorm2004'): string[] {
  const lost: string[] = [];
  const flat = record?.flat ?? {};
  const layout = { hash: data.hash, pageCount: data.pages.length, shapes: data.questions.map((q) => q.shape) };
  const saved = decodeBookmark(layout, flat['cmi.suspend_data'] ?? '');
  truth.visited.forEach((v, i) => v && !saved?.visited[i] && lost.push(`page ${data.pages[i]!.id}`));
  const ids = new Set(Object.entries(flat).filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k)).map(([, v]) => v));
  truth.answers.forEach((a, i) => {
    if (a === null || a === undefined) return;
    const id = data.questions[i]!.id;
    if (JSON.stringify(saved?.answers[i]) !== JSON.stringify(a)) lost.push(`answer ${id}`);
    if (!ids.has(id)) lost.push(`interaction ${id}`);
  });
  if (saved?.page !== truth.page) lost.push(`resume page ${data.pages[truth.page]!.id} (LMS: ${saved ? data.pages[saved.page]!.id : 'none'})`);
  const o = truth.outcome;
  if (standard === 'scorm12') {
    if (flat['cmi.core.lesson_status'] !== lessonStatus(o)) lost.push(`status ${lessonStatus(o)} (LMS: ${flat['cmi.core.lesson_status']})`);
    if (o.score !== undefined && Number(flat['cmi.core.score.raw']) !== o.score) lost.push(`score ${o.score}`);
  } else {
    if (flat['cmi.completion_status'] !== (o.completed ? 'completed' : 'incomplete')) lost.push(`completion (LMS: ${flat['cmi.completion_status']})`);
    if (o.success !== 'unknown' && flat['cmi.success_status'] !== o.success) lost.push(`success ${o.success}`);
    if (o.score !== undefined && Math.abs(Number(flat['cmi.score.scaled']) - o.score / 100) > 1e-6) lost.push(`score ${o.score}`);
  }
  return lost;
}
