import { analyseItems, pearson, type Answer } from '../../src/report/metrics/item-analysis';

test('pearson: perfect, inverse, none and undefined', () => {
  expect(pearson([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.2])).toBeGreaterThan(0.9);
  expect(pearson([1, 0, 1, 0], [0, 1, 0, 1])).toBeCloseTo(-1, 10);
  expect(pearson([1, 1, 1], [0.2, 0.5, 0.9])).toBeNull(); // everyone right: no spread, no correlation
  expect(pearson([1], [1])).toBeNull();
});

test('facility and discrimination over the learners who were drawn the item, the item left out of the rest score', () => {
  // Four learners; q1 is answered by all, q2 only by a and b (a random draw).
  const scores: Record<string, Record<string, number>> = { a: { q1: 1, q2: 1, q3: 1 }, b: { q1: 1, q2: 0, q3: 1 }, c: { q1: 0, q3: 0 }, d: { q1: 0, q3: 1 } };
  const answers: Answer[] = Object.entries(scores).flatMap(([learner, qs]) => Object.entries(qs).map(([question, score]) => ({ learner, question, score, chosen: [score ? 'a' : 'b'] })));
  const criterion = new Map(Object.entries(scores).map(([l, qs]) => [l, new Map(Object.entries(qs))]));
  const figures = analyseItems(answers, criterion);
  expect(figures.get('q1')!.facility).toBe(50);
  expect(figures.get('q2')!.responses).toBe(2);
  // q1 against the rest (q2, q3 where drawn): a 1, b 0.5, c 0, d 1 → r computed by hand.
  const xs = [1, 1, 0, 0];
  const ys = [1, 0.5, 0, 1];
  const mx = 0.5;
  const my = 0.625;
  const cov = xs.reduce((s, x, i) => s + (x - mx) * (ys[i]! - my), 0);
  const r = cov / Math.sqrt(xs.reduce((s, x) => s + (x - mx) ** 2, 0) * ys.reduce((s, y) => s + (y - my) ** 2, 0));
  expect(figures.get('q1')!.discrimination).toBeCloseTo(100 * r, 10);
  // Thirds: one learner each (4 learners → thirds of 1); a is top, c is bottom.
  expect(figures.get('q1')!.chosen.get('a')).toEqual({ count: 2, top: 1, bottom: 0 });
  expect(figures.get('q1')!.chosen.get('b')).toEqual({ count: 2, top: 0, bottom: 1 });
});
