import { familyOf, type BlockContent } from '../render/blocks';
import type { PageBlock, TrackedBlock } from './course-model';

/**
 * Gives every tracked block (interactive blocks, continue gates) its bookmark bit, in page order,
 * nested blocks included, and lists them for the runtime and the worst-case bookmark.
 */
export function usedFamilies(blocks: readonly (PageBlock | BlockContent)[], out: { scripts: Set<string>; styles: Set<string> }): void {
  for (const block of blocks) {
    // Blocks that became questions (sorting) bring their family's files too.
    if (block.kind === 'question') {
      const family = familyOf(block.question.spec.type);
      if (family?.script) out.scripts.add(family.script);
      if (family?.style) out.styles.add(family.style);
    }
    if (block.kind !== 'block') continue;
    const family = familyOf(block.node.name);
    if (family?.script) out.scripts.add(family.script);
    if (family?.style) out.styles.add(family.style);
    usedFamilies(block.node.intro, out);
    for (const item of block.node.items) usedFamilies(item.body, out);
  }
}

export function trackBlocks(blocks: readonly (PageBlock | BlockContent)[], pageIndex: number, out: TrackedBlock[]): void {
  for (const block of blocks) {
    if (block.kind !== 'block') continue;
    const node = block.node;
    if (familyOf(node.name)?.tracked) {
      node.track = out.length;
      out.push({ name: node.name, pageIndex, required: node.attrs.required === 'true' });
    }
    trackBlocks(node.intro, pageIndex, out);
    for (const item of node.items) trackBlocks(item.body, pageIndex, out);
  }
}
