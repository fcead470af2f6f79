import type { RuntimeQuestion } from '../../src/contract/course-data';
import { interactionActivity, interactionResult, responseString } from '../../src/runtime/tracking/xapi-interaction';
import { StatementFactory, uuid } from '../../src/runtime/tracking/xapi-statement';

const COURSE = 'https://example.org/courses/safety';
const q = (over: Partial<RuntimeQuestion>): RuntimeQuestion => ({ id: 'q1', type: 'single-choice', interaction: 'choice', role: 'quiz', page: 0, shape: { kind: 'index', size: 3 }, prompt: 'Which exit?', ...over });
const def = (question: RuntimeQuestion) => interactionActivity(question, COURSE, 'en').definition as Record<string, any>;

test('choice: choices with letter ids, [,]-joined correct response, response in the same form', () => {
  const question = q({ type: 'multiple-response', choices: ['North', 'South', 'East'], correct: [0, 2], shape: { kind: 'set', size: 3 } });
  const activity = interactionActivity(question, COURSE, 'en');
  expect(activity.id).toBe(`${COURSE}/questions/q1`);
  expect(activity.definition).toMatchObject({ type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: 'choice', correctResponsesPattern: ['a[,]c'] });
  expect(def(question).choices).toEqual([{ id: 'a', description: { en: 'North' } }, { id: 'b', description: { en: 'South' } }, { id: 'c', description: { en: 'East' } }]);
  expect(interactionResult({ question, answer: [0, 2], result: 'correct', latencyMs: 12340, timestamp: new Date() })).toEqual({ response: 'a[,]c', success: true, duration: 'PT12.34S' });
});

test('true-false, matching, sequencing, fill-in (case matters), likert and long-fill-in', () => {
  expect(def(q({ type: 'true-false', interaction: 'true-false', correct: [1] }))).toMatchObject({ interactionType: 'true-false', correctResponsesPattern: ['false'] });
  const matching = def(q({ type: 'matching', interaction: 'matching', sources: ['cat', 'dog'], targets: ['meow', 'woof'] }));
  expect(matching.correctResponsesPattern).toEqual(['a[.]a[,]b[.]b']);
  expect(matching.source).toHaveLength(2);
  expect(matching.target).toHaveLength(2);
  expect(def(q({ type: 'ordering', interaction: 'sequencing', choices: ['one', 'two', 'three'] })).correctResponsesPattern).toEqual(['a[,]b[,]c']);
  expect(def(q({ type: 'fill-in', interaction: 'fill-in', accepted: ['Paris', 'paris'], caseSensitive: true })).correctResponsesPattern).toEqual(['{case_matters=true}Paris', '{case_matters=true}paris']);
  const likert = def(q({ type: 'likert', interaction: 'likert', role: 'survey', choices: ['Disagree', 'Agree'] }));
  expect(likert.scale).toHaveLength(2);
  expect(likert.correctResponsesPattern).toBeUndefined();
  expect(def(q({ type: 'open', interaction: 'long-fill-in', role: 'survey' })).correctResponsesPattern).toBeUndefined();
  expect(responseString({ kind: 'pairs', pairs: [['a', 'b'], ['b', 'a']] })).toBe('a[.]b[,]b[.]a');
});

test('a survey answer has no success; a long prompt is shortened for the name, kept whole in the description', () => {
  const question = q({ type: 'likert', interaction: 'likert', role: 'survey', prompt: 'x'.repeat(300), choices: ['1', '2'] });
  expect(interactionResult({ question, answer: 1, result: 'neutral', latencyMs: 0, timestamp: new Date() })).toEqual({ response: 'b', duration: 'PT0S' });
  expect(def(question).name.en).toHaveLength(120);
  expect(def(question).description.en).toHaveLength(300);
});

test('statements: UUID ids, strictly increasing timestamps, template context kept and added to', () => {
  const factory = new StatementFactory({
    actor: { objectType: 'Agent', mbox: 'mailto:a@example.org' },
    registration: '760e3480-ba55-4991-94b0-01820dbd23a2',
    template: { contextActivities: { grouping: [{ id: 'https://example.org/au' }], category: [{ id: 'https://example.org/cat' }] }, extensions: { 'https://example.org/session': 's1' } },
    language: 'fr',
  });
  const course = { objectType: 'Activity' as const, id: COURSE };
  const made = Array.from({ length: 5 }, () => factory.make('answered', course, { parent: [course], category: [{ id: 'https://example.org/extra' }], extensions: { 'https://example.org/session': 'overwritten?' } }));
  const timestamps = made.map((s) => s.timestamp!);
  expect([...timestamps].sort()).toEqual(timestamps);
  expect(new Set(timestamps).size).toBe(5);
  const s = made[0]!;
  expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(s.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } });
  expect(s.context).toEqual({
    registration: '760e3480-ba55-4991-94b0-01820dbd23a2',
    language: 'fr',
    contextActivities: { grouping: [{ id: 'https://example.org/au' }], category: [{ id: 'https://example.org/cat' }, { id: 'https://example.org/extra' }], parent: [course] },
    extensions: { 'https://example.org/session': 's1' },
  });
  expect(new Set(Array.from({ length: 100 }, uuid)).size).toBe(100);
});
