import { format } from '../../../i18n';
import type { BlockFamily } from './family';
import { esc, idOf, trackAttrs } from './markup';

/** Process: one step at a time with Previous / Next, its position said and shown; done at the last step. */
export const processSteps: BlockFamily = {
  names: ['process'],
  items: { min: 2, max: 12, what: 'step' },
  tracked: true,
  script: 'process',
  style: 'process',
  render(node, ctx) {
    const s = ctx.strings;
    const total = node.items.length;
    const steps = node.items
      .map((item, i) => `<div class="cp-step"${i ? ' hidden' : ''}><h2 id="${idOf(node, i)}" tabindex="-1">${ctx.inline(item.title)}</h2>${ctx.content(item.body)}</div>`)
      .join('');
    return `<div class="cp-process"${trackAttrs(node)} data-of="${esc(s.stepOf ?? '')}">`
      + `<div class="cp-process-head"><p class="cp-process-status" aria-live="polite">${esc(format(s.stepOf ?? '', { n: 1, total }))}</p><div class="cp-process-bar"><span style="inline-size:${100 / total}%"></span></div></div>`
      + steps
      + `<div class="cp-process-nav"><button type="button" class="cp-button cp-secondary" data-step="-1" aria-disabled="true">${esc(s.previous ?? '')}</button><button type="button" class="cp-button" data-step="1">${esc(s.next ?? '')}</button></div></div>`;
  },
};
