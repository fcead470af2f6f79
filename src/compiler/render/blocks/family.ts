import type { Token } from '../../markdown';
import type { LinkEnv } from '../markdown-html';

/** What a `::: name` container holds once parsed: Markdown and nested blocks. */
export type BlockContent = { kind: 'markdown'; tokens: Token[] } | { kind: 'block'; node: BlockNode; tokens: Token[] };

/** One `## heading` inside a container and what follows it, up to the next one. */
export interface BlockItem {
  /** Heading text, inline Markdown as written. */
  title: string;
  line: number;
  body: BlockContent[];
}

export interface BlockNode {
  name: string;
  /** Attributes as validated by the block's zod schema (src/schema/blocks.ts). */
  attrs: Record<string, string>;
  line: number;
  column: number;
  /** Position among the file's blocks, in order: the base of the block's HTML ids. */
  ordinal: number;
  /** What comes before the first `##` (everything, for blocks without items). */
  intro: BlockContent[];
  items: BlockItem[];
  /** Slot in the bookmark's block bits, for blocks whose "done" state is kept (set by the model). */
  track?: number;
}

/** Reports a problem at a place in the lesson file. */
export type Report = (line: number, rule: string, message: string, hint?: string, column?: number) => void;

export interface RenderContext {
  env: LinkEnv;
  strings: Record<string, string>;
  /** Renders nested content (Markdown and blocks). */
  content(content: BlockContent[]): string;
  inline(text: string): string;
}

/**
 * A family of blocks: its names, how its `##` items are counted, its own checks and its markup.
 * Attributes are checked by src/schema/blocks.ts before `check` runs. `script` and `style` name the
 * runtime file (src/runtime/player/blocks/<script>.ts) and stylesheet (templates/styles/blocks/
 * <style>.css) that ship only in courses that use the family.
 */
export interface BlockFamily {
  names: readonly string[];
  /** `##` headings split the block into items; without this they stay headings in the text. */
  items?: { min: number; max?: number; what: string };
  /** Its "done" state counts toward `required` and continue gates, and costs one bookmark bit. */
  tracked?: boolean;
  script?: string;
  /**
   * Attributes that name course files (relative to the lesson file, like Markdown links): checked to
   * exist and shipped. An image goes through the media stage; media and captions ship as they are,
   * captions once a WebVTT parser has read them.
   */
  files?: Readonly<Record<string, 'image' | 'media' | 'captions'>>;
  /** Only directly on the page, not inside another block (continue gates). */
  topLevel?: boolean;
  style?: string;
  check?(node: BlockNode, report: Report): void;
  render?(node: BlockNode, ctx: RenderContext): string;
  /** Blocks that are questions (sorting) give the fields of a question spec instead of markup. */
  toQuestion?(node: BlockNode): Record<string, unknown>;
}
