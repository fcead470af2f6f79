import { BLOCK_CLOSE, BLOCK_OPEN, markdown, type Token } from '../compiler/markdown';
import { markdownOfRuns, runsOfMarkdown, runsOfTokens, UnsupportedInline, type WriteContext } from './inline';
import { mapLinks, segmentYaml, type SegmentedYaml } from './segment-yaml';
import { fenceRules } from './fences';
import { lineStarts, type Segmented, type Slot } from './slots';
import type { Run, Unit } from './unit';

const PAGE_ID = /\s*\{#([A-Za-z0-9_-]{1,64})\}\s*$/;

/** Attributes of `::: name key="value"` blocks that learners read (titles, labels, alt text…). */
const TEXT_ATTRIBUTES = new Set(['title', 'label', 'by', 'source', 'alt', 'caption', 'credit', 'summary']);
/** Attributes naming a file, which may have a translation of its own (captions.fr.vtt). */
const PATH_ATTRIBUTES = new Set(['src', 'captions', 'poster', 'file']);
const ATTRIBUTE = /([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)')/g;

/** An attribute value back in quotes that it cannot end early. */
function quoted(value: string): string {
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replace(/"/g, '&quot;')}"`;
}

/** What the segmenter knows about the file it reads. */
export interface MarkdownContext {
  /** Course-relative path, for notes. */
  file: string;
  /** Lesson files: every level-1 heading starts a page and prefixes the ids of its units. */
  lessonId?: string;
  /** Prefix of every unit id (nested Markdown, e.g. facilitator notes). */
  prefix?: string;
  /** Line of the file where `text` starts (front matter, fences). */
  firstLine?: number;
}

interface Place {
  start: number;
  end: number;
  /** Put before each new line of a translation (list indentation, blockquote markers). */
  continuation: string;
}

/** Finds the inline content of a paragraph or heading among its source lines. */
function placeLines(text: string, starts: number[], first: number, last: number, content: string): Place | undefined {
  const lines = content.split('\n');
  if (last - first < lines.length) return undefined;
  let start = -1;
  let end = -1;
  let continuation = '';
  for (let i = 0; i < lines.length; i++) {
    const lineStart = starts[first + i]!;
    const source = text.slice(lineStart, (starts[first + i + 1] ?? text.length + 1) - 1);
    const c = lines[i]!;
    const tail = i === lines.length - 1 ? source.trimEnd() : source;
    const p = i === 0 ? source.indexOf(c) : tail.length - c.length;
    if (p < 0 || source.slice(p, p + c.length) !== c) return undefined;
    if (i === 0) {
      start = lineStart + p;
      continuation = source.slice(0, p).replace(/[^\s>]/g, ' ');
    }
    if (i === 1) continuation = source.slice(0, p);
    end = lineStart + p + c.length;
  }
  return { start, end, continuation };
}

/** Cells of a table row line, as [start, end) of their trimmed text, split at unescaped pipes. */
function cellsOfRow(line: string): [number, number][] {
  const bounds: number[] = [];
  for (let i = 0; i < line.length; i++) if (line[i] === '|' && line[i - 1] !== '\\') bounds.push(i);
  const edges = [-1, ...bounds, line.length];
  const cells: [number, number][] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i]! + 1;
    const b = edges[i + 1]!;
    const raw = line.slice(a, b);
    if ((i === 0 && raw.trim() === '' && bounds[0] !== undefined && line.trimStart().startsWith('|')) || (i === edges.length - 2 && raw.trim() === '')) continue;
    const lead = raw.length - raw.trimStart().length;
    cells.push([a + lead, a + lead + raw.trim().length]);
  }
  return cells;
}

/** Segments Markdown: units for the text, slots for where translations go back. */
export function segmentMarkdown(text: string, ctx: MarkdownContext): Segmented {
  const tokens = markdown.parse(text, {});
  const starts = lineStarts(text);
  const units: Unit[] = [];
  const slots: Slot[] = [];
  const counters = new Map<string, number>();
  let page = ctx.prefix ?? '';
  let pageTitle = '';
  let pages = 0;
  let tables = 0;
  let rowCells: [number, number][] = [];
  let rowLine = 0;
  let cell = 0;
  let row = -1;
  const stack: string[] = [];
  const blocks: string[] = [];
  const next = (kind: string) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${page}${kind}${n}`;
  };
  const lineOf = (i: number) => (ctx.firstLine ?? 1) + i;
  const add = (id: string, runs: Run[], place: Place, write: WriteContext, note: string, line: number) => {
    const inBlock = blocks.length ? ` in a “${blocks.at(-1)}” block` : '';
    units.push({ id, runs, notes: [`${note}${inBlock} — ${ctx.file}:${lineOf(line)}${pageTitle ? `, page “${pageTitle}”` : ''}`] });
    slots.push({
      start: place.start,
      end: place.end,
      fill: (lookup, options) => markdownOfRuns(lookup(id), { ...write, mapData: mapLinks(options) }).replace(/\n/g, `\n${place.continuation}`),
    });
  };

  /** Units for the text attributes on a block's opening line; the name and other attributes stay. */
  const blockAttributes = (line: number) => {
    const lineStart = starts[line]!;
    const source = text.slice(lineStart, (starts[line + 1] ?? text.length + 1) - 1);
    const block = next('b');
    for (const m of source.matchAll(ATTRIBUTE)) {
      const value = m[2] ?? m[3] ?? '';
      const valueStart = lineStart + m.index! + m[1]!.length + 2;
      if (PATH_ATTRIBUTES.has(m[1]!)) slots.push({ start: valueStart, end: valueStart + value.length, fill: (_lookup, options) => options.mapPath(value) });
      if (!TEXT_ATTRIBUTES.has(m[1]!) || !value.trim()) continue;
      let runs: Run[];
      try {
        runs = runsOfMarkdown(value);
      } catch (error) {
        if (error instanceof UnsupportedInline) continue;
        throw error;
      }
      const id = `${block}.${m[1]}`;
      const start = lineStart + m.index! + m[1]!.length + 1;
      units.push({ id, runs, notes: [`“${m[1]}” of a “${blocks.at(-1)}” block — ${ctx.file}:${lineOf(line)}${pageTitle ? `, page “${pageTitle}”` : ''}`] });
      slots.push({ start, end: start + value.length + 2, fill: (lookup, options) => quoted(markdownOfRuns(lookup(id), { block: false, mapData: mapLinks(options) }).replace(/\n/g, ' ')) });
    }
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type.endsWith('_open') && t.nesting === 1) stack.push(t.type.slice(0, -5));
    if (t.type.endsWith('_close') && t.nesting === -1) stack.pop();
    if (t.type === 'tr_open') {
      row += 1;
      cell = 0;
      rowLine = t.map?.[0] ?? 0;
      rowCells = cellsOfRow(text.slice(starts[rowLine]!, (starts[rowLine + 1] ?? text.length + 1) - 1));
    }
    if (t.type === 'table_open') {
      tables += 1;
      row = -1;
    }
    if (t.type === BLOCK_CLOSE) blocks.pop();
    if (t.type === BLOCK_OPEN) {
      blocks.push(t.info.trim().split(/\s+/)[0] ?? '');
      if (t.map) blockAttributes(t.map[0]);
      continue;
    }
    if (t.type === 'fence') {
      const rules = fenceRules(t.info.trim());
      if (!rules || !t.map) continue;
      const start = starts[t.map[0] + 1];
      if (start === undefined || text.slice(start, start + t.content.length) !== t.content) continue;
      const end = start + t.content.length;
      if (rules.kind === 'markdown') {
        const nested = segmentMarkdown(t.content, { file: ctx.file, prefix: `${next(rules.name)}.`, firstLine: lineOf(t.map[0] + 1) });
        units.push(...nested.units.map((u) => ({ ...u, notes: [`${rules.note}: ${u.notes.join(' ')}`] })));
        for (const s of nested.slots) slots.push({ start: start + s.start, end: start + s.end, fill: s.fill });
        continue;
      }
      const own = yamlId(t.content);
      const id = own ? `${ctx.lessonId ? '' : page}${own}` : next(rules.name);
      const yaml: SegmentedYaml | undefined = segmentYaml(t.content, `${id}.`, rules.yaml);
      if (!yaml) continue;
      units.push(...yaml.units.map((u) => ({ ...u, notes: [...u.notes, `${ctx.file}:${lineOf(t.map![0])}${pageTitle ? `, page “${pageTitle}”` : ''}`] })));
      slots.push({ start, end, fill: yaml.fill });
      continue;
    }
    if (t.type !== 'inline') continue;
    const parent = tokens[i - 1]!;
    let runs: Run[];
    try {
      runs = runsOfTokens(t.children ?? []);
    } catch (error) {
      if (error instanceof UnsupportedInline) continue;
      throw error;
    }
    if (parent.type === 'heading_open' && parent.tag === 'h1' && ctx.lessonId) {
      pages += 1;
      const match = PAGE_ID.exec(t.content);
      page = `${match?.[1] ?? `${ctx.lessonId}-${pages}`}.`;
      pageTitle = t.content.replace(PAGE_ID, '').trim();
      counters.clear();
      tables = 0;
      const line = parent.map![0];
      const place = placeLines(text, starts, line, line + 1, t.content);
      if (!place) continue;
      const titleEnd = place.start + pageTitle.length;
      const titleRuns = trimTrailingText(runs, t.content.length - pageTitle.length);
      add(`${page}title`, titleRuns, { ...place, end: titleEnd }, { block: true, heading: true }, 'Page title (menu, page heading)', line);
      continue;
    }
    if (parent.type === 'th_open' || parent.type === 'td_open') {
      const span = rowCells[cell++];
      if (!span || !t.content) continue;
      const raw = text.slice(starts[rowLine]! + span[0], starts[rowLine]! + span[1]);
      if (raw !== t.content && raw.replace(/\\\|/g, '|') !== t.content) continue;
      const place = { start: starts[rowLine]! + span[0], end: starts[rowLine]! + span[1], continuation: '' };
      add(`${page}t${tables}.r${row}c${cell}`, runs, place, { block: false, table: true }, row === 0 ? 'Table header cell' : 'Table cell', rowLine);
      continue;
    }
    if (!parent.map) continue;
    const place = placeLines(text, starts, parent.map[0], parent.map[1], t.content);
    if (!place) continue;
    if (parent.type === 'heading_open') add(next('h'), runs, place, { block: true, heading: true }, `Heading (${parent.tag})`, parent.map[0]);
    else if (stack.includes('list_item')) add(next('li'), runs, place, { block: true }, 'List item', parent.map[0]);
    else if (stack.includes('blockquote')) add(next('q'), runs, place, { block: true }, 'Quotation', parent.map[0]);
    else add(next('p'), runs, place, { block: true }, 'Paragraph', parent.map[0]);
  }
  return { units, slots };
}

function yamlId(content: string): string | undefined {
  return /^id:\s*["']?([A-Za-z0-9_.:-]{1,64})["']?\s*$/m.exec(content)?.[1];
}

/** Drops `n` trailing characters of text (the `{#page-id}` of a page heading). */
function trimTrailingText(runs: Run[], n: number): Run[] {
  if (n === 0) return runs;
  const copy = runs.map((r) => ({ ...r }));
  const last = copy.at(-1);
  if (last?.kind === 'text') last.text = last.text.slice(0, -n).trimEnd();
  return copy.filter((r) => r.kind !== 'text' || r.text !== '');
}

export type { Token };
