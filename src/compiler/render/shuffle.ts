import { structureHash } from '../model/shapes';
import { valueOf } from '../../bookmark/base64url';

/**
 * A fixed permutation of 0..n-1 derived from a question id: the same for every build and learner,
 * so a resumed learner sees the same order, and never the identity (an ordering question shown
 * already in order would give the answer away).
 */
export function fixedPermutation(seedText: string, n: number): number[] {
  let seed = [...structureHash([seedText])].reduce((acc, c) => acc * 64 + valueOf(c), 0) || 1;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  if (n > 1 && order.every((v, i) => v === i)) order.push(order.shift()!);
  return order;
}
