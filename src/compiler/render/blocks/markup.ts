import { markdown } from '../../markdown';
import type { BlockNode } from './family';

/** Small helpers the block families share to write their markup. */
export const esc = (text: string): string => markdown.utils.escapeHtml(text);

/** An id for an element of a block, unique on its page (a lesson file line holds one block). */
export const idOf = (node: BlockNode, part: string | number = ''): string => `cp-b${node.ordinal}${part === '' ? '' : `-${part}`}`;

/** `data-track` (and `data-required`) for blocks whose done state is kept. */
export const trackAttrs = (node: BlockNode): string =>
  node.track === undefined ? '' : ` data-track="${node.track}"${node.attrs.required === 'true' ? ' data-required' : ''}`;
