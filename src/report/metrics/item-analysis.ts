/**
 * Classical test theory as Moodle's quiz statistics report defines it (see docs/report.md):
 * facility = mean item score ÷ max score; discrimination = Pearson correlation between the item score
 * and the score on the rest of the test. With a random draw each learner sees a different subset, so
 * "the rest of the test" is the share right among the learner's other drawn questions, and every
 * figure is computed over the learners who saw the item.
 */
export interface Answer {
  learner: string;
  question: string;
  /** 1 right, 0 wrong (our questions are all-or-nothing). */
  score: number;
  /** Response ids chosen (a, b… or true/false). */
  chosen: string[];
}

export function pearson(xs: number[], ys: number[]): number | null {
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

export interface ItemFigures {
  responses: number;
  facility: number | null;
  discrimination: number | null;
  /** Per response id: chosen by how many, and by how many of the top and bottom thirds. */
  chosen: Map<string, { count: number; top: number; bottom: number }>;
}

/**
 * `criterion` holds, per learner, the quiz answers that make up their total; an item's rest score
 * leaves the item itself out when it is one of them.
 */
export function analyseItems(answers: Answer[], criterion: Map<string, Map<string, number>>): Map<string, ItemFigures> {
  // Each learner's criterion total once; an item's rest score is then the total less the item.
  const sums = new Map<string, { sum: number; count: number; items: Map<string, number> }>();
  for (const [learner, items] of criterion) {
    let sum = 0;
    for (const v of items.values()) sum += v;
    if (items.size) sums.set(learner, { sum, count: items.size, items });
  }
  // Thirds by total score, as Moodle's distractor analysis does (ties go by learner id, stably).
  const ranked = [...sums.entries()].sort((a, b) => b[1].sum / b[1].count - a[1].sum / a[1].count || a[0].localeCompare(b[0])).map(([l]) => l);
  const third = Math.floor(ranked.length / 3);
  const top = new Set(ranked.slice(0, third));
  const bottom = new Set(third ? ranked.slice(-third) : []);

  const byQuestion = new Map<string, Answer[]>();
  for (const a of answers) (byQuestion.get(a.question) ?? byQuestion.set(a.question, []).get(a.question)!).push(a);
  const out = new Map<string, ItemFigures>();
  for (const [question, list] of byQuestion) {
    const xs: number[] = [];
    const ys: number[] = [];
    const chosen = new Map<string, { count: number; top: number; bottom: number }>();
    let right = 0;
    for (const a of list) {
      right += a.score;
      const total = sums.get(a.learner);
      const own = total?.items.get(question);
      const others = total ? total.count - (own === undefined ? 0 : 1) : 0;
      if (total && others > 0) {
        xs.push(a.score);
        ys.push((total.sum - (own ?? 0)) / others);
      }
      for (const id of a.chosen) {
        const c = chosen.get(id) ?? chosen.set(id, { count: 0, top: 0, bottom: 0 }).get(id)!;
        c.count++;
        if (top.has(a.learner)) c.top++;
        if (bottom.has(a.learner)) c.bottom++;
      }
    }
    const r = pearson(xs, ys);
    out.set(question, { responses: list.length, facility: (100 * right) / list.length, discrimination: r === null ? null : 100 * r, chosen });
  }
  return out;
}

/** Moodle's bands for the facility index and discrimination index, for the report's words. */
export function facilityFlag(facility: number): string | undefined {
  if (facility >= 90) return 'too-easy';
  if (facility <= 20) return 'too-hard';
  return undefined;
}

export function discriminationFlag(discrimination: number): string | undefined {
  if (discrimination < 0) return 'negative-discrimination';
  if (discrimination < 20) return 'weak-discrimination';
  return undefined;
}
