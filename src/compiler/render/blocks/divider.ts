import type { BlockFamily } from './family';

/** A section break, optionally labelled; the label is text, the line is decoration. */
export const divider: BlockFamily = {
  names: ['divider'],
  style: 'text',
  check(node, report) {
    if (node.intro.length) report(node.line, 'block/unexpected-content', 'a divider holds no text', 'put the text after the closing ":::", or use label="…"');
  },
  render: (node, ctx) => (node.attrs.label ? `<div class="cp-divider" role="separator"><span>${ctx.inline(node.attrs.label)}</span></div>` : '<hr class="cp-divider">'),
};
