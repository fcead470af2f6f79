import type { BlockFamily } from './family';

/** Timeline: dated events down a line, read in order; plain HTML, nothing to operate. */
export const timeline: BlockFamily = {
  names: ['timeline'],
  items: { min: 2, what: 'event' },
  style: 'timeline',
  render: (node, ctx) =>
    `<ol class="cp-timeline">${node.items.map((item) => `<li class="cp-event"><h2 class="cp-event-title">${ctx.inline(item.title)}</h2>${ctx.content(item.body)}</li>`).join('')}</ol>`,
};
