import type { Token } from '../../markdown';
import type { BlockContent, Report } from './family';

/** A block's picture and the text after it (its caption or description). */
export interface LeadImage {
  image?: Token;
  rest: BlockContent[];
}

function copy(token: Token, changes: Partial<Token>): Token {
  return Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token, changes);
}

/**
 * Media blocks start with a Markdown image, `![what it shows](../media/photo.jpg)`, and what follows
 * is their caption. Text on the image's own line or the lines under it (one paragraph) stays as
 * caption. Tokens are copied, never changed: the same page is rendered once per package.
 */
export function leadImage(content: readonly BlockContent[]): LeadImage {
  const [first, ...others] = content;
  if (first?.kind !== 'markdown') return { rest: [...content] };
  const [open, inline, close, ...after] = first.tokens;
  const image = inline?.children?.[0];
  if (open?.type !== 'paragraph_open' || inline?.type !== 'inline' || image?.type !== 'image') return { rest: [...content] };
  let children = inline.children!.slice(1);
  while (children[0] && (children[0].type === 'softbreak' || children[0].type === 'hardbreak' || (children[0].type === 'text' && !children[0].content.trim()))) children = children.slice(1);
  const tokens = children.length ? [open, copy(inline, { children, content: inline.content.slice(inline.content.indexOf(')') + 1).trim() }), close!, ...after] : after;
  return { image, rest: [...(tokens.length ? [{ kind: 'markdown' as const, tokens }] : []), ...others] };
}

/** Reports a media block that does not start with an image. */
export function requireLeadImage(content: readonly BlockContent[], name: string, line: number, report: Report, what = 'image'): LeadImage {
  const lead = leadImage(content);
  if (!lead.image) report(line, 'media/no-image', `block "${name}" needs an ${what} first`, `start it with the ${what} on its own line: ![what it shows](../media/picture.jpg)`);
  return lead;
}

/** True when some content follows (a caption, a description, a transcript). */
export const hasText = (content: readonly BlockContent[]): boolean =>
  content.some((c) => c.kind === 'block' || c.tokens.some((t) => t.type === 'inline' && t.content.trim()));
