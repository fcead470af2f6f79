import { classifyLink } from '../links';
import { markdown, type Token } from '../markdown';
import type { MediaLibrary } from '../media';
import { pictureHtml } from './picture';

/** The course's encoded images, and how many one page has placed so far (its first is not lazy). */
export interface PageMedia {
  library: MediaLibrary;
  placed: number;
  /** Language of the page: the language of its caption tracks. */
  lang: string;
}

/** What Markdown rendering needs to know to turn course links into package links. */
export interface LinkEnv {
  /** Course-relative path of the file the Markdown came from. */
  fromFile: string;
  /** First page of a lesson, for links to lesson files. */
  firstPageOf(lessonId: string): string | undefined;
  /** URL, relative to the page being rendered and percent-encoded, of a course file in the package. */
  assetUrl(coursePath: string): string;
  /** Set on course pages; handouts show the original files. */
  media?: PageMedia;
}

const rules = markdown.renderer.rules;
const renderToken = (tokens: Token[], idx: number, options: object, env: unknown, self: { renderToken: (t: Token[], i: number, o: object) => string }) =>
  self.renderToken(tokens, idx, options);

rules.link_open = (tokens, idx, options, env: LinkEnv, self) => {
  const token = tokens[idx]!;
  const target = classifyLink(token.attrGet('href') ?? '', env.fromFile);
  if (target.kind === 'external') {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  } else if (target.kind === 'page' || target.kind === 'lesson') {
    const pageId = target.kind === 'page' ? target.pageId : target.pageId ?? env.firstPageOf(target.lessonId) ?? '';
    token.attrSet('href', `#${pageId}`);
    token.attrSet('data-page', pageId);
  } else if (target.kind === 'asset') {
    token.attrSet('href', env.assetUrl(target.path));
    token.attrSet('target', '_blank');
  }
  return renderToken(tokens, idx, options, env, self);
};

/** A Markdown image token as a <picture> of its encoded variants (blocks place images with it too). */
export function imageHtml(token: Token, env: LinkEnv, options: { sizes?: string; className?: string } = {}): string {
  const target = classifyLink(token.attrGet('src') ?? '', env.fromFile);
  const src = target.kind === 'asset' ? env.assetUrl(target.path) : token.attrGet('src') ?? '';
  const decorative = token.attrGet('title') === 'decorative';
  const image = target.kind === 'asset' ? env.media?.library.images.get(target.path) : undefined;
  const lazy = !env.media || env.media.placed++ > 0;
  return pictureHtml(image, src, decorative ? '' : token.content, { lazy, ...options });
}

rules.image = (tokens, idx, _options, env: LinkEnv) => imageHtml(tokens[idx]!, env);

/**
 * A wide table scrolls inside its own box at 320 px: a focusable region (keyboard users can scroll
 * it) named by its column headings (axe: scrollable-region-focusable, region names).
 */
rules.table_open = (tokens, idx) => {
  const headings: string[] = [];
  for (let i = idx + 1; i < tokens.length && tokens[i]!.type !== 'thead_close'; i++) if (tokens[i]!.type === 'inline') headings.push(plainText(tokens[i]!.content));
  const label = markdown.utils.escapeHtml(headings.filter(Boolean).join(', '));
  return `<div class="cp-table" role="region" tabindex="0"${label ? ` aria-label="${label}"` : ''}><table>\n`;
};
rules.table_close = () => '</table></div>\n';

export function renderBlockTokens(tokens: Token[], env: LinkEnv): string {
  return markdown.renderer.render(tokens, markdown.options, env);
}

export function renderInline(text: string, env: LinkEnv): string {
  return markdown.renderInline(text, env);
}

export function renderMarkdown(text: string, env: LinkEnv): string {
  return markdown.render(text, env);
}

/** Plain text of inline Markdown, for interaction descriptions and xAPI definitions. */
export function plainText(text: string): string {
  return markdown
    .renderInline(text, { fromFile: '', firstPageOf: () => '', assetUrl: (p: string) => p })
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
