import type { BlockFamily } from './family';
import { esc, trackAttrs } from './markup';

/**
 * Continue gate (Rise's "continue" divider): what follows on the page shows once the blocks and
 * questions above are done and the learner presses Continue. Passing it is kept in the bookmark.
 */
export const gate: BlockFamily = {
  names: ['continue'],
  tracked: true,
  topLevel: true,
  script: 'gate',
  style: 'gate',
  check(node, report) {
    if (node.intro.length) report(node.line, 'block/unexpected-content', 'a continue block holds no text', 'put the text after the closing ":::"; change the button text with label="…"');
  },
  render: (node, ctx) =>
    `<div class="cp-gate" data-gate${trackAttrs(node)}><button type="button" class="cp-button" data-continue>${node.attrs.label ? ctx.inline(node.attrs.label) : esc(ctx.strings.continue ?? '')}</button><p class="cp-gate-hint" hidden>${esc(ctx.strings.continueLocked ?? '')}</p></div>`,
};
