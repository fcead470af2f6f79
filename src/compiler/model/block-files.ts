import { classifyLink } from '../links';
import { familyOf } from '../render/blocks';
import { blockNodes } from '../render/blocks/walk';
import type { PageBlock } from './course-model';

/**
 * Course files that block attributes name: images (posters) for the media stage, the rest (video,
 * audio, captions) to ship as they are.
 */
export function blockFiles(blocks: readonly PageBlock[], fromFile: string, assets: Set<string>, images: Set<string>): void {
  for (const node of blockNodes(blocks)) {
    for (const [key, kind] of Object.entries(familyOf(node.name)?.files ?? {})) {
      const href = node.attrs[key];
      const target = href === undefined ? undefined : classifyLink(href, fromFile);
      if (target?.kind === 'asset') (kind === 'image' ? images : assets).add(target.path);
    }
  }
}
