import MarkdownIt from 'markdown-it';

/**
 * One Markdown dialect for the whole compiler: CommonMark + GFM tables, raw HTML off (so course text
 * cannot inject markup or script — no sanitiser needed), bare URLs linkified.
 */
export const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false });

export type Token = ReturnType<MarkdownIt['parse']>[number];
