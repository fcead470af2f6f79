import type { BlockFamily } from './family';

/** One idea set large between rules, to stop the eye (Rise's "statement"). */
export const statement: BlockFamily = {
  names: ['statement'],
  style: 'text',
  render: (node, ctx) => `<div class="cp-statement">${ctx.content(node.intro)}</div>`,
};
