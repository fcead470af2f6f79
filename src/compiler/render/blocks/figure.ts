import { imageHtml } from '../markdown-html';
import type { BlockFamily } from './family';
import { leadImage, requireLeadImage } from './lead-image';

/** An image with its caption and credit: a <figure>, the caption read with the image. */
export const figure: BlockFamily = {
  names: ['image'],
  style: 'media',
  check: (node, report) => void requireLeadImage(node.intro, node.name, node.line, report),
  render(node, ctx) {
    const { image, rest } = leadImage(node.intro);
    if (!image) return '';
    const caption = ctx.content(rest);
    const credit = node.attrs.credit ? `<small class="cp-credit">${ctx.inline(node.attrs.credit)}</small>` : '';
    const figcaption = caption || credit ? `<figcaption>${caption}${credit}</figcaption>` : '';
    return `<figure class="cp-figure">${imageHtml(image, ctx.env)}${figcaption}</figure>`;
  },
};
