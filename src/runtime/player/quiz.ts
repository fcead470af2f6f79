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

/** The bank questions a learner gets for this seed, in the order shown. */
export function drawQuestions(bank: readonly number[], draw: number, seed: number): number[] {
  const next = random(seed);
  const pool = [...bank];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, draw);
}

export function newSeed(): number {
  return 1 + Math.floor(Math.random() * (2 ** 30 - 2));
}
