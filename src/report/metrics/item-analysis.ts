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
  const totals = new Map<string, number>();
  for (const [learner, items] of criterion) {
    const values = [...items.values()];
    if (values.length) totals.set(learner, values.reduce((a, b) => a + b, 0) / values.length);
  }
  // Thirds by total score, as Moodle's distractor analysis does (ties go by learner id, stably).
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l]) => l);
  const third = Math.floor(ranked.length / 3);
  const top = new Set(ranked.slice(0, third));
  const bottom = new Set(third ? ranked.slice(-third) : []);

  const byQuestion = new Map<string, Answer[]>();
  for (const a of answers) (byQuestion.get(a.question) ?? byQuestion.set(a.question, []).get(a.question)!).push(a);
  const out = new Map<string, ItemFigures>();
  for (const [question, list] of byQuestion) {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const a of list) {
      const items = criterion.get(a.learner);
      if (!items) continue;
      const others = [...items.entries()].filter(([q]) => q !== question).map(([, s]) => s);
      if (!others.length) continue;
      xs.push(a.score);
      ys.push(others.reduce((s, v) => s + v, 0) / others.length);
    }
    const chosen = new Map<string, { count: number; top: number; bottom: number }>();
    for (const a of list) {
      for (const id of a.chosen) {
        const c = chosen.get(id) ?? chosen.set(id, { count: 0, top: 0, bottom: 0 }).get(id)!;
        c.count++;
        if (top.has(a.learner)) c.top++;
        if (bottom.has(a.learner)) c.bottom++;
      }
    }
    const r = pearson(xs, ys);
    out.set(question, {
      responses: list.length,
      facility: (100 * list.reduce((s, a) => s + a.score, 0)) / list.length,
      discrimination: r === null ? null : 100 * r,
      chosen,
    });
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
