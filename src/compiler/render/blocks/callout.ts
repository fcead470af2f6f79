import type { BlockFamily } from './family';
import { esc } from './markup';

const KEYS: Record<string, string> = { note: 'note', tip: 'tip', warning: 'warning', 'key-point': 'keyPoint' };

/** Note, tip, warning, key point: an aside with a visible kind, so the kind is not colour alone. */
export const callout: BlockFamily = {
  names: ['note', 'tip', 'warning', 'key-point'],
  style: 'text',
  render(node, ctx) {
    const title = node.attrs.title ? ctx.inline(node.attrs.title) : esc(ctx.strings[KEYS[node.name]!] ?? node.name);
    return `<aside class="cp-callout cp-callout-${node.name}" aria-label="${esc(ctx.strings[KEYS[node.name]!] ?? node.name)}"><p class="cp-callout-title">${title}</p>${ctx.content(node.intro)}</aside>`;
  },
};
