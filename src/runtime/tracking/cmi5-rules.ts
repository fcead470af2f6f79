import type { LaunchMode, Outcome } from './adapter';
import type { Sent } from './xapi-state';

export type Cmi5Outcome = 'completed' | 'passed' | 'failed';

export interface Cmi5History {
  /** Outcome statements already sent in this registration (our State API document). */
  sent: Sent;
  /** passed or failed already sent in this session. */
  judged: boolean;
  /** The judgement last reported (or found in the document at start): the same one is not sent twice. */
  reported: Outcome['success'];
  /** 0…1 from LMS.LaunchData, when the LMS gave one. */
  masteryScore?: number;
}

/**
 * Which cmi5 defined outcome statements the outcome calls for now (§9.3, item 46): none outside
 * Normal mode; completed once per registration; passed once per registration and only at or above
 * the mastery score; failed never after passed and only below it; one of passed/failed per session.
 */
export function cmi5OutcomeStatements(outcome: Outcome, mode: LaunchMode, h: Cmi5History): Cmi5Outcome[] {
  if (mode !== 'normal') return [];
  const out: Cmi5Outcome[] = [];
  if (outcome.completed && !h.sent.completed) out.push('completed');
  if (h.judged || h.sent.passed || outcome.success === h.reported || outcome.score === undefined) return out;
  const scaled = outcome.score / 100;
  const meets = h.masteryScore === undefined || scaled >= h.masteryScore - 1e-9;
  if (outcome.success === 'passed' && meets) out.push('passed');
  if (outcome.success === 'failed' && (h.masteryScore === undefined || !meets)) out.push('failed');
  return out;
}
