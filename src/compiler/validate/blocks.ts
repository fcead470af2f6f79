import { blockAttributeSchemas, type BlockName } from '../../schema';
import { BLOCK_CLOSE, BLOCK_OPEN, type Token } from '../markdown';
import type { BlockContent, BlockItem, BlockNode, Report } from '../render/blocks/family';
import { familyOf, knownBlockNames } from '../render/blocks';
import { closest } from './closest';

const NAME = /^\s*([^\s"=]+)/;
const ATTRIBUTE = /\s*([A-Za-z][\w-]*)(?:=("[^"]*"|'[^']*'|[^\s"']+))?/y;

/** Index of the token closing the container opened at `open`. */
export function closingIndex(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    if (tokens[i]!.type === BLOCK_OPEN) depth++;
    else if (tokens[i]!.type === BLOCK_CLOSE && --depth === 0) return i;
  }
  return tokens.length - 1;
}

/** `key="value"` pairs after the block name; `key` alone means true. */
function parseAttributes(text: string, column: number, report: Report, line: number): Record<string, string> | undefined {
  const attrs: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  while (ATTRIBUTE.lastIndex < text.trimEnd().length) {
    const at = ATTRIBUTE.lastIndex;
    const m = ATTRIBUTE.exec(text);
    if (!m) {
      report(line, 'block/malformed-attribute', `cannot read the attributes at "${text.slice(at).trim()}"`, 'write attributes as key="value", separated by spaces', column + at + (text.slice(at).length - text.slice(at).trimStart().length));
      return undefined;
    }
    const raw = m[2];
    if (raw !== undefined && !/^["']/.test(raw)) {
      report(line, 'block/malformed-attribute', `attribute ${m[1]}=${raw} needs quotes`, `write ${m[1]}="${raw}"`, column + at + m[0].indexOf(m[1]!));
      return undefined;
    }
    attrs[m[1]!] = raw === undefined ? 'true' : raw.slice(1, -1);
  }
  return attrs;
}

/** Every line in the body that is a run of colons: closing lines the parser did not pair are mistakes. */
export function checkStrayClosers(body: string, bodyLine: number, closers: Set<number>, report: Report): void {
  body.split('\n').forEach((text, i) => {
    if (/^\s*:{3,}\s*$/.test(text) && !closers.has(i)) {
      report(bodyLine + i, 'block/stray-close', `"${text.trim()}" closes no block`, 'a block inside another needs fewer colons than the outer one: ":::: tabs" outside, "::: note" inside');
    }
  });
}

interface ParseContext {
  lines: string[];
  bodyLine: number;
  report: Report;
  /** Body line indexes (0-based) that closed a container. */
  closers: Set<number>;
  /** How many blocks enclose this one. */
  depth?: number;
  /** Counts the file's blocks in order (shared by nested calls). */
  seq?: { n: number };
}

/**
 * Parses the container whose open token is tokens[open]: its name and attributes, its `##` items,
 * nested blocks; reports every mistake. Returns the node (undefined when unusable) and the index
 * of its closing token.
 */
export function parseContainer(tokens: Token[], open: number, ctx: ParseContext): { node?: BlockNode; end: number } {
  const token = tokens[open]!;
  const end = closingIndex(tokens, open);
  const [first = 0, last = 0] = token.map ?? [];
  const line = ctx.bodyLine + first;
  const text = ctx.lines[first] ?? '';
  const column = text.indexOf(token.markup) + 1;
  const closeText = ctx.lines[last];
  const closeColons = /^\s*(:{3,})\s*$/.exec(closeText ?? '')?.[1];
  if (closeColons === undefined) {
    ctx.report(line, 'block/unclosed', `block "${token.info.trim()}" is not closed`, `end it with a line "${token.markup}"`, column);
  } else {
    ctx.closers.add(last);
    if (closeColons.length !== token.markup.length) {
      ctx.report(ctx.bodyLine + last, 'block/mismatched-close', `"${closeColons}" closes the block "${token.info.trim()}" opened with "${token.markup}" on line ${line}`, 'close a block with as many colons as opened it; a block inside another uses fewer colons', column);
    }
  }
  const name = NAME.exec(token.info)?.[1] ?? '';
  const nameColumn = column + token.markup.length + token.info.indexOf(name);
  const family = familyOf(name);
  const rest = token.info.slice(token.info.indexOf(name) + name.length);
  const attrs = parseAttributes(rest, nameColumn + name.length, ctx.report, line);
  const body = parseContent(tokens, open + 1, end, { ...ctx, depth: (ctx.depth ?? 0) + 1 }, !!family?.items);
  if (family?.topLevel && ctx.depth) ctx.report(line, 'block/not-top-level', `a "${name}" block cannot stand inside another block`, `move it out, after the enclosing block's closing line`, column);
  if (!family) {
    const guess = closest(name, knownBlockNames());
    ctx.report(line, 'block/unknown', `unknown block "${name}"`, guess ? `did you mean "${guess}"?` : `blocks are: ${knownBlockNames().join(', ')}`, nameColumn);
    return { end };
  }
  const schema = blockAttributeSchemas[name as BlockName];
  let checked: Record<string, string> | undefined;
  if (attrs && schema) {
    const result = schema.safeParse(attrs);
    if (result.success) checked = result.data as Record<string, string>;
    for (const issue of result.success ? [] : result.error.issues) {
      const at = (key: string) => nameColumn + name.length + rest.indexOf(key);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const guess = closest(key, Object.keys(schema.shape));
          ctx.report(line, 'block/unknown-attribute', `block "${name}": unknown attribute "${key}"`, guess ? `did you mean "${guess}"?` : Object.keys(schema.shape).length ? `attributes are: ${Object.keys(schema.shape).join(', ')}` : `"${name}" takes no attributes`, at(key));
        }
      } else {
        const key = String(issue.path[0] ?? '');
        const missing = issue.code === 'invalid_type' && issue.input === undefined;
        ctx.report(line, missing ? 'block/missing-attribute' : 'block/invalid-attribute', missing ? `block "${name}" needs the attribute ${key}="…"` : `block "${name}": ${key} ${issue.message.replace(/^Invalid input: /, '')}`, missing ? `add ${key}="…" after "${name}"` : undefined, key && !missing ? at(key) : nameColumn);
      }
    }
  }
  const node: BlockNode = { name, attrs: checked ?? {}, line, column, ordinal: ctx.seq ? ++ctx.seq.n : line, intro: body.intro, items: body.items };
  const items = family.items;
  if (items && (node.items.length < items.min || (items.max !== undefined && node.items.length > items.max))) {
    const want = items.max === items.min ? `${items.min}` : items.max === undefined ? `at least ${items.min}` : `${items.min} to ${items.max}`;
    ctx.report(line, 'block/item-count', `block "${name}" has ${node.items.length} ${items.what}(s); it needs ${want}`, `start each ${items.what} with a "## heading" inside the block`, column);
  }
  family.check?.(node, ctx.report);
  return { node: checked ? node : undefined, end };
}

/** Markdown and nested blocks between two token indexes; `##` headings start items when asked. */
function parseContent(tokens: Token[], from: number, to: number, ctx: ParseContext, splitItems: boolean): { intro: BlockContent[]; items: BlockItem[] } {
  const intro: BlockContent[] = [];
  const items: BlockItem[] = [];
  let target = intro;
  let pending: Token[] = [];
  const flush = () => {
    if (pending.length) target.push({ kind: 'markdown', tokens: pending });
    pending = [];
  };
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.type === BLOCK_OPEN) {
      flush();
      const { node, end } = parseContainer(tokens, i, ctx);
      if (node) target.push({ kind: 'block', node, tokens: tokens.slice(i, end + 1) });
      i = end;
    } else if (t.type === 'heading_open' && t.tag === 'h1') {
      ctx.report(ctx.bodyLine + (t.map?.[0] ?? 0), 'block/page-heading-inside', 'a level-1 heading inside a block', 'close the block (:::) before the next page heading, or use ## for items', 1);
      i += 2;
    } else if (splitItems && t.type === 'heading_open' && t.tag === 'h2' && t.level === tokens[from - 1]!.level + 1) {
      flush();
      const item: BlockItem = { title: tokens[i + 1]!.content, line: ctx.bodyLine + (t.map?.[0] ?? 0), body: [] };
      items.push(item);
      target = item.body;
      i += 2;
    } else if (t.type === 'fence' && t.info.trim() === 'question') {
      ctx.report(ctx.bodyLine + (t.map?.[0] ?? 0), 'block/question-inside', 'a question inside a block', 'put questions between blocks, not inside them', 1);
    } else {
      pending.push(t);
    }
  }
  flush();
  return { intro, items };
}
