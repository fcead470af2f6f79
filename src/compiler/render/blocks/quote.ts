import type { BlockFamily } from './family';

/** A pull quote with its attribution: who said it, and where. */
export const quote: BlockFamily = {
  names: ['quote'],
  style: 'text',
  render(node, ctx) {
    const { by, source } = node.attrs;
    const who = by ? `<span class="cp-quote-by">${ctx.inline(by)}</span>` : '';
    const where = source ? `<cite>${ctx.inline(source)}</cite>` : '';
    const caption = who || where ? `<figcaption>${who}${where}</figcaption>` : '';
    return `<figure class="cp-quote"><blockquote>${ctx.content(node.intro)}</blockquote>${caption}</figure>`;
  },
};
