import type { Run } from './unit';

/**
 * Pseudo-localisation: every letter accented, text about 30 % longer, each string in ⟦ ⟧ so a
 * truncated or untranslated (hard-coded) string shows at a glance, before paying translators.
 */
export const PSEUDO_LANG = 'qps-ploc';
/** The mirrored variant, shown right-to-left. */
export const PSEUDO_RTL_LANG = 'qps-plocm';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [...'àƀçđéƒĝĥíĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÍĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i]!]),
);
const VOWELS = new Set([...'aeiouyAEIOUY']);

function pseudoText(text: string, counter: { vowels: number }): string {
  let out = '';
  for (const ch of text) {
    const accented = ACCENTED[ch] ?? ch;
    out += accented;
    // Doubling four vowels in five lengthens English text by about 30 %.
    if (VOWELS.has(ch) && counter.vowels++ % 5 !== 4) out += accented;
  }
  return out;
}

export function pseudoRuns(runs: readonly Run[]): Run[] {
  const counter = { vowels: 0 };
  const out: Run[] = runs.map((r) => (r.kind === 'text' ? { kind: 'text', text: pseudoText(r.text, counter) } : { ...r }));
  const first = out[0];
  const last = out.at(-1);
  if (first?.kind === 'text') first.text = `⟦${first.text}`;
  else out.unshift({ kind: 'text', text: '⟦' });
  if (last?.kind === 'text' && last !== first) last.text = `${last.text}⟧`;
  else if (last === first && first?.kind === 'text') first.text = `${first.text}⟧`;
  else out.push({ kind: 'text', text: '⟧' });
  return out;
}
