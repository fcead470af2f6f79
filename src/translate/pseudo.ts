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
  // The brackets go on the first and last text, never outside a code: a paragraph that is only an
  // image must stay an image (a diagram block starts with one).
  const texts = out.filter((r): r is Run & { kind: 'text' } => r.kind === 'text');
  const first = texts[0];
  const last = texts.at(-1);
  if (!first || !last) return [{ kind: 'text', text: '⟦' }, ...out, { kind: 'text', text: '⟧' }];
  first.text = `⟦${first.text}`;
  last.text = `${last.text}⟧`;
  return out;
}
