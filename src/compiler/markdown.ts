import MarkdownIt from 'markdown-it';
import container from 'markdown-it-container';

/**
 * One Markdown dialect for the whole compiler: CommonMark + GFM tables, raw HTML off (so course text
 * cannot inject markup or script — no sanitiser needed), bare URLs linkified, and `::: name` blocks.
 */
export const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

/**
 * Every `::: <word>` line opens a block container (one token type, `container_block_*`, with the
 * line's text in `info`), known or not, so the validator can name an unknown block instead of
 * leaving stray colons in the text. A bare `:::` only ever closes.
 */
export const BLOCK_OPEN = 'container_block_open';
export const BLOCK_CLOSE = 'container_block_close';
markdown.use(container, 'block', { validate: (params: string) => /^\s*[^\s"=]/.test(params) });

export type Token = ReturnType<MarkdownIt['parse']>[number];
