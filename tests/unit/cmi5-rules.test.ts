import type { Outcome } from '../../src/runtime/tracking/adapter';
import { cmi5OutcomeStatements, type Cmi5History } from '../../src/runtime/tracking/cmi5-rules';

const outcome = (o: Partial<Outcome>): Outcome => ({ progress: 1, completed: false, success: 'unknown', ...o });
const fresh: Cmi5History = { sent: {}, judged: false, reported: 'unknown', masteryScore: 0.8 };

test('Normal mode: completed and passed once each, passed only at or above masteryScore', () => {
  expect(cmi5OutcomeStatements(outcome({ completed: true, success: 'passed', score: 80 }), 'normal', fresh)).toEqual(['completed', 'passed']);
  expect(cmi5OutcomeStatements(outcome({ completed: true, success: 'passed', score: 80 }), 'normal', { ...fresh, sent: { completed: 'x', passed: 'y' } })).toEqual([]);
  // The player and the LMS disagree about the pass mark: never send a passed below masteryScore.
  expect(cmi5OutcomeStatements(outcome({ success: 'passed', score: 79 }), 'normal', fresh)).toEqual([]);
});

test('failed: below masteryScore, never after passed, once per session, not again for the same attempt', () => {
  const failed = outcome({ success: 'failed', score: 40 });
  expect(cmi5OutcomeStatements(failed, 'normal', fresh)).toEqual(['failed']);
  expect(cmi5OutcomeStatements(failed, 'normal', { ...fresh, sent: { passed: 'p' } })).toEqual([]);
  expect(cmi5OutcomeStatements(failed, 'normal', { ...fresh, judged: true })).toEqual([]);
  expect(cmi5OutcomeStatements(failed, 'normal', { ...fresh, reported: 'failed' })).toEqual([]);
  // A retake passed in the same session waits for the next session (one of passed/failed per session).
  expect(cmi5OutcomeStatements(outcome({ success: 'passed', score: 90 }), 'normal', { ...fresh, judged: true, reported: 'failed' })).toEqual([]);
  expect(cmi5OutcomeStatements(outcome({ success: 'passed', score: 90 }), 'normal', { ...fresh, reported: 'failed', sent: { failed: 'f' } })).toEqual(['passed']);
});

test('Browse and Review: no completed, passed or failed at all', () => {
  for (const mode of ['browse', 'review'] as const) {
    expect(cmi5OutcomeStatements(outcome({ completed: true, success: 'passed', score: 100 }), mode, fresh)).toEqual([]);
  }
});

test('no masteryScore from the LMS: the course decides; no score, no judgement', () => {
  const none = { ...fresh, masteryScore: undefined };
  expect(cmi5OutcomeStatements(outcome({ success: 'passed', score: 50 }), 'normal', none)).toEqual(['passed']);
  expect(cmi5OutcomeStatements(outcome({ success: 'failed', score: 50 }), 'normal', none)).toEqual(['failed']);
  expect(cmi5OutcomeStatements(outcome({ completed: true }), 'normal', none)).toEqual(['completed']);
});
