import { classifyLink } from '../../links';
import { markdown, type Token } from '../../markdown';
import type { PageModel } from '../../model';
import { plainText } from '../../render/markdown-html';

/** A bullet of a slide: the section heading and, under it, its first sentence. */
export interface KeyPoint {
  text: string;
  detail?: string;
}

const MAX_POINTS = 6;
const MAX_DETAIL = 150;

/** The first sentence of a paragraph, cut at a word when it is long. */
export function firstSentence(text: string, max = MAX_DETAIL): string {
  const sentence = /^(.+?[.!?؟。])(\s|$)/u.exec(text)?.[1] ?? text;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

/**
 * A slide shows the page's sections, not its text: the first sentence of its opening paragraph, then
 * each level-2 heading with the first sentence of the paragraph under it. A page without sections
 * shows the first sentence of each paragraph.
 */
export function keyPoints(page: PageModel): KeyPoint[] {
  const tokens = page.blocks.flatMap((b) => (b.kind === 'markdown' ? b.tokens : []));
  const points: KeyPoint[] = [];
  const sections = tokens.some((t) => t.type === 'heading_open' && t.tag === 'h2');
  let awaitingDetail: KeyPoint | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open' && token.tag === 'h2') {
      awaitingDetail = { text: plainText(tokens[i + 1]!.content) };
      points.push(awaitingDetail);
    } else if (token.type === 'paragraph_open' && tokens[i - 1]?.type !== 'list_item_open') {
      const text = plainText(tokens[i + 1]!.content);
      if (!text) continue;
      if (!sections || (points.length === 0 && !awaitingDetail)) points.push({ text: firstSentence(text) });
      else if (awaitingDetail && !awaitingDetail.detail) awaitingDetail.detail = firstSentence(text);
    }
  }
  return points.slice(0, MAX_POINTS);
}

/** Course-relative paths and alt texts of the images on a page. */
export function pageImages(page: PageModel, fromFile: string): { path: string; alt: string }[] {
  const images: { path: string; alt: string }[] = [];
  for (const block of page.blocks) {
    if (block.kind !== 'markdown') continue;
    for (const t of block.tokens.flatMap((b) => b.children ?? [])) {
      if (t.type !== 'image') continue;
      const target = classifyLink(t.attrGet('src') ?? '', fromFile);
      if (target.kind === 'asset') images.push({ path: target.path, alt: t.content });
    }
  }
  return images;
}

/** Facilitator notes as plain text for a slide's speaker notes: one line per paragraph or bullet. */
export function notesText(notes: readonly string[]): string {
  const lines: string[] = [];
  for (const note of notes) {
    const tokens: Token[] = markdown.parse(note, {});
    let bullet = '';
    for (const t of tokens) {
      if (t.type === 'bullet_list_open') bullet = '• ';
      if (t.type === 'ordered_list_open') bullet = '– ';
      if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') bullet = '';
      if (t.type === 'inline') lines.push(`${bullet}${plainText(t.content)}`);
    }
  }
  return lines.join('\n');
}
