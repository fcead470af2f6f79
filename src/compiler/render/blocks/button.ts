import type { BlockFamily } from './family';

/** Links shown as buttons (one, or a stack); the links stay links, so they keep their roles. */
export const button: BlockFamily = {
  names: ['button'],
  style: 'text',
  check(node, report) {
    const links = node.intro.flatMap((c) => c.tokens).flatMap((t) => t.children ?? []).filter((t) => t.type === 'link_open');
    if (!links.length) report(node.line, 'block/missing-link', 'a button block needs a link', 'write the button as a Markdown link: [Download the toolkit](handouts/toolkit.pdf)');
  },
  render: (node, ctx) => `<div class="cp-button-block">${ctx.content(node.intro)}</div>`,
};
