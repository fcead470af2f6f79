import { format } from '../../../i18n';
import { imageHtml } from '../markdown-html';
import type { BlockFamily } from './family';
import { leadImage, requireLeadImage } from './lead-image';
import { esc, idOf } from './markup';

/** The chevrons of templates/partials/icon.hbs; the stylesheet mirrors them right-to-left. */
const ARROWS = { back: 'M10 3 5 8l5 5', forward: 'm6 3 5 5-5 5' } as const;
const arrow = (name: keyof typeof ARROWS) => `<svg class="cp-icon cp-icon-${name}" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="${ARROWS[name]}" fill="none" stroke="currentColor" stroke-width="2"/></svg>`;

/**
 * A gallery as the WAI-ARIA APG carousel: labelled slides (`## title` + image + caption), previous
 * and next buttons before the slides, a polite live region, and no auto-rotation (so no pause button
 * is needed). The runtime moves between slides; the first is shown until it does.
 */
export const gallery: BlockFamily = {
  names: ['gallery'],
  items: { min: 2, what: 'slide' },
  script: 'gallery',
  style: 'media',
  check(node, report) {
    for (const item of node.items) requireLeadImage(item.body, node.name, item.line, report);
  },
  render(node, ctx) {
    const id = idOf(node);
    const total = node.items.length;
    const slides = node.items.map((item, i) => {
      const { image, rest } = leadImage(item.body);
      const label = `${format(ctx.strings.slideOf ?? '{n} / {total}', { n: i + 1, total })}: ${ctx.inline(item.title).replace(/<[^>]*>/g, '')}`;
      const picture = image ? imageHtml(image, ctx.env) : '';
      return `<figure class="cp-slide" role="group" aria-roledescription="slide" aria-label="${esc(label)}"${i ? ' hidden' : ''}>${picture}<figcaption><strong class="cp-slide-title">${ctx.inline(item.title)}</strong>${ctx.content(rest)}</figcaption></figure>`;
    });
    const button = (dir: 'prev' | 'next') =>
      `<button type="button" class="cp-icon-button" data-slide="${dir === 'prev' ? -1 : 1}" aria-controls="${id}-slides">${arrow(dir === 'prev' ? 'back' : 'forward')}<span class="cp-sr-only">${esc(ctx.strings[dir === 'prev' ? 'previousSlide' : 'nextSlide'] ?? dir)}</span></button>`;
    const label = node.attrs.label ? ctx.inline(node.attrs.label).replace(/<[^>]*>/g, '') : ctx.strings.gallery ?? 'Gallery';
    return `<section class="cp-carousel" aria-roledescription="carousel" aria-label="${esc(label)}"><div class="cp-carousel-controls">${button('prev')}<span class="cp-carousel-position" aria-hidden="true">1 / ${total}</span>${button('next')}</div><div class="cp-carousel-slides" id="${id}-slides" aria-live="polite">${slides.join('')}</div></section>`;
  },
};
