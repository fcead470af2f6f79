import type { BlockContent, BlockNode } from './family';

/** Every block node in a list of page or block content, nested ones included, in document order. */
export function* blockNodes(blocks: readonly { kind: string; node?: BlockNode }[]): Generator<BlockNode> {
  for (const block of blocks) {
    if (block.kind !== 'block' || !block.node) continue;
    yield block.node;
    yield* blockNodes(block.node.intro as BlockContent[]);
    for (const item of block.node.items) yield* blockNodes(item.body);
  }
}
