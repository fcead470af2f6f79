import { format } from '../../../i18n';
import type { BlockFamily } from './family';
import { esc, idOf, trackAttrs } from './markup';

/**
 * Flashcards: each `##` heading is a card's front, its text the back. A button turns the card; the
 * face turned away is hidden from screen readers and the keyboard, and focus lands on the new face.
 */
export const flashcards: BlockFamily = {
  names: ['flashcards'],
  items: { min: 1, max: 12, what: 'card' },
  tracked: true,
  script: 'flashcards',
  style: 'flashcards',
  render(node, ctx) {
    const s = ctx.strings;
    const cards = node.items.map((item, i) => {
      const title = idOf(node, `c${i}`);
      const count = esc(format(s.cardFront ?? '', { n: i + 1, total: node.items.length }));
      return `<li class="cp-card"><div class="cp-card-inner">`
        + `<div class="cp-card-face cp-card-front"><p class="cp-card-count">${count}</p><p class="cp-card-title" id="${title}">${ctx.inline(item.title)}</p><button type="button" class="cp-button cp-secondary" data-flip aria-describedby="${title}">${esc(s.turnOver ?? '')}</button></div>`
        + `<div class="cp-card-face cp-card-back" tabindex="-1" role="group" aria-labelledby="${title}"><div class="cp-card-text">${ctx.content(item.body)}</div><button type="button" class="cp-button cp-secondary" data-flip aria-describedby="${title}">${esc(s.turnBack ?? '')}</button></div>`
        + `</div></li>`;
    });
    return `<ul class="cp-cards"${trackAttrs(node)}>${cards.join('')}</ul>`;
  },
};
