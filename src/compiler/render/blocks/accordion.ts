import type { BlockFamily } from './family';
import { trackAttrs } from './markup';

/**
 * Accordion: one native <details> per `##` item, so keyboard, screen readers and find-in-page work
 * without script; the runtime only notes when every item has been opened.
 */
export const accordion: BlockFamily = {
  names: ['accordion'],
  items: { min: 1, what: 'item' },
  tracked: true,
  script: 'accordion',
  style: 'accordion',
  render: (node, ctx) =>
    `<div class="cp-accordion"${trackAttrs(node)}>${node.items
      .map((item) => `<details class="cp-accordion-item"><summary>${ctx.inline(item.title)}</summary><div class="cp-accordion-body">${ctx.content(item.body)}</div></details>`)
      .join('')}</div>`,
};
