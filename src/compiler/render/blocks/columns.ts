import type { BlockFamily } from './family';
import { idOf } from './markup';

/** Two columns side by side on wide screens, one above the other on a phone; each `##` is one. */
export const columns: BlockFamily = {
  names: ['two-column'],
  items: { min: 2, max: 2, what: 'column' },
  style: 'text',
  render: (node, ctx) =>
    `<div class="cp-columns">${node.items
      .map((item, i) => `<section class="cp-column" aria-labelledby="${idOf(node, i)}"><h2 id="${idOf(node, i)}">${ctx.inline(item.title)}</h2>${ctx.content(item.body)}</section>`)
      .join('')}</div>`,
};
