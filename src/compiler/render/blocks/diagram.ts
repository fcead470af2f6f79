import { classifyLink } from '../../links';
import { inlineSvg } from '../../media/svg';
import type { BlockFamily } from './family';
import { hasText, leadImage, requireLeadImage } from './lead-image';
import { esc, idOf } from './markup';

/**
 * An SVG diagram placed inline (so its text scales and follows the theme), rebuilt from an
 * allow-list by the media stage's sanitiser. The image's alt text names it; the text after it is the
 * long description, required, behind a disclosure under the drawing.
 */
export const diagram: BlockFamily = {
  names: ['diagram'],
  style: 'media',
  check(node, report) {
    const { image, rest } = requireLeadImage(node.intro, node.name, node.line, report, 'SVG image');
    if (image && !/\.svg$/i.test(image.attrGet('src') ?? '')) report(node.line, 'media/wrong-type', `block "diagram" shows an SVG file, not "${image.attrGet('src')}"`, 'use the image block for photos and other pictures');
    if (image && !hasText(rest)) report(node.line, 'media/missing-description', 'a diagram needs a text description after the image', 'describe in words what the diagram shows (its parts and how they relate), so every learner gets the same information');
  },
  render(node, ctx) {
    const { image, rest } = leadImage(node.intro);
    const target = image && classifyLink(image.attrGet('src') ?? '', ctx.env.fromFile);
    const text = target?.kind === 'asset' ? ctx.env.media?.library.svg.get(target.path) : undefined;
    if (!image || text === undefined) return '';
    const id = idOf(node);
    const svg = inlineSvg(text, { idPrefix: `${id}-`, labelledBy: `${id}-t`, describedBy: `${id}-d` });
    const summary = esc(ctx.strings.textDescription ?? 'Text description');
    return `<figure class="cp-diagram">${svg}<figcaption><p class="cp-diagram-title" id="${id}-t">${esc(image.content)}</p><details class="cp-disclosure"><summary>${summary}</summary><div id="${id}-d">${ctx.content(rest)}</div></details></figcaption></figure>`;
  },
};
