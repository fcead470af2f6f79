/** Small seeded generator (mulberry32): the same seed always draws the same questions. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The bank questions a learner gets for this seed, in the order shown. With strata, at least `min`
 * questions of each stratum are taken first (a question in two strata counts for both), then the
 * rest at random. Only the seed is kept in the bookmark: the same seed always gives the same draw.
 * The compiler checks strata × min ≤ draw and that each stratum holds min questions, so it always fits.
 */
export function drawQuestions(bank: readonly number[], draw: number, seed: number, strata: readonly (readonly number[])[] = [], min = 0): number[] {
  const next = random(seed);
  const pool = [...bank];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const picked = new Set<number>();
  for (const stratum of strata) {
    let have = stratum.filter((q) => picked.has(q)).length;
    for (const q of pool) {
      if (have >= min) break;
      if (!picked.has(q) && stratum.includes(q)) picked.add(q), have++;
    }
  }
  for (const q of pool) if (picked.size < draw) picked.add(q);
  return pool.filter((q) => picked.has(q));
}

export function newSeed(): number {
  return 1 + Math.floor(Math.random() * (2 ** 30 - 2));
}
