import type { BlockFamily } from './family';
import { idOf, trackAttrs } from './markup';

/** Tabs (WAI-ARIA APG): a tablist of buttons, one panel shown; arrow keys follow the reading direction. */
export const tabs: BlockFamily = {
  names: ['tabs'],
  items: { min: 2, max: 8, what: 'tab' },
  tracked: true,
  script: 'tabs',
  style: 'tabs',
  render(node, ctx) {
    const tab = (i: number) => idOf(node, `t${i}`);
    const panel = (i: number) => idOf(node, `p${i}`);
    const list = node.items
      .map((item, i) => `<button type="button" role="tab" class="cp-tab" id="${tab(i)}" aria-controls="${panel(i)}" aria-selected="${i === 0}" tabindex="${i === 0 ? 0 : -1}">${ctx.inline(item.title)}</button>`)
      .join('');
    const panels = node.items
      .map((item, i) => `<div role="tabpanel" class="cp-tabpanel" id="${panel(i)}" aria-labelledby="${tab(i)}" tabindex="0"${i === 0 ? '' : ' hidden'}>${ctx.content(item.body)}</div>`)
      .join('');
    return `<div class="cp-tabs"${trackAttrs(node)}><div role="tablist" class="cp-tablist">${list}</div>${panels}</div>`;
  },
};
