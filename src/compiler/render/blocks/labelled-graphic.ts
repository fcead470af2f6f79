import { imageHtml } from '../markdown-html';
import type { BlockFamily, BlockItem } from './family';
import { leadImage, requireLeadImage } from './lead-image';
import { esc, idOf } from './markup';

/** `## Title {x=30% y=40%}`: where the marker stands, in percent of the image from its top-left corner. */
const POSITION = /\s*\{\s*x\s*=\s*"?(\d+(?:\.\d+)?)%?"?\s+y\s*=\s*"?(\d+(?:\.\d+)?)%?"?\s*\}\s*$/;

function position(item: BlockItem): { title: string; x: number; y: number } | undefined {
  const m = POSITION.exec(item.title);
  return m ? { title: item.title.replace(POSITION, ''), x: Number(m[1]), y: Number(m[2]) } : undefined;
}

/**
 * Hotspots on an image: numbered markers (buttons) at x/y percentages, each opening its label's
 * text in a panel under the image (focus moves to it, Close or Escape returns to the marker), and a
 * button that shows every label as a list. One copy of each text, so the list is the panels.
 */
export const labelledGraphic: BlockFamily = {
  names: ['labelled-graphic'],
  items: { min: 1, what: 'label' },
  script: 'labelled-graphic',
  style: 'media',
  check(node, report) {
    requireLeadImage(node.intro, node.name, node.line, report);
    for (const item of node.items) {
      const at = position(item);
      if (!at) report(item.line, 'block/hotspot-position', `label "${item.title}" has no position`, 'end the heading with where its marker goes, in percent from the top-left corner of the image: ## Harbour {x=30% y=40%}');
      else if (at.x > 100 || at.y > 100) report(item.line, 'block/hotspot-position', `label "${at.title}" is outside the image (x=${at.x}% y=${at.y}%)`, 'x and y are percentages from 0 to 100');
    }
  },
  render(node, ctx) {
    const { image } = leadImage(node.intro);
    if (!image) return '';
    const id = idOf(node);
    const spots = node.items.map((item, i) => ({ ...(position(item) ?? { title: item.title, x: 0, y: 0 }), body: item.body, id: `${id}-${i + 1}` }));
    // Physical left/top: the picture is not mirrored in right-to-left pages, so neither are its spots.
    const markers = spots
      .map((s, i) => `<button type="button" class="cp-hotspot" style="left:${s.x}%;top:${s.y}%" aria-expanded="false" aria-controls="${s.id}"><span aria-hidden="true">${i + 1}</span><span class="cp-sr-only">${ctx.inline(s.title)}</span></button>`)
      .join('');
    const panels = spots
      .map((s, i) => `<li class="cp-hotspot-panel" id="${s.id}" tabindex="-1" hidden><h3><span class="cp-hotspot-number" aria-hidden="true">${i + 1}</span>${ctx.inline(s.title)}</h3>${ctx.content(s.body)}<button type="button" class="cp-button cp-secondary" data-hotspot-close>${esc(ctx.strings.close ?? 'Close')}</button></li>`)
      .join('');
    const list = `<button type="button" class="cp-button cp-secondary cp-hotspot-all" aria-pressed="false" aria-controls="${id}-list">${esc(ctx.strings.hotspotList ?? 'All labels as a list')}</button>`;
    return `<figure class="cp-hotspots"><div class="cp-hotspots-stage">${imageHtml(image, ctx.env)}${markers}</div><figcaption>${list}</figcaption><ol class="cp-hotspot-panels" id="${id}-list">${panels}</ol></figure>`;
  },
};
