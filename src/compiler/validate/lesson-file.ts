import { lessonFrontMatterSchema } from '../../schema';
import type { Diagnostics } from '../../diagnostics';
import { BLOCK_OPEN, markdown, type Token } from '../markdown';
import { familyOf } from '../render/blocks';
import { checkStrayClosers, parseContainer } from './blocks';
import type { SourceFile } from '../load/source';
import type { ParsedBlock, ParsedLesson, ParsedPage } from './parsed';
import { validateActivity } from './activities';
import { blockQuestion, validateQuestion } from './questions';
import { checkSchema, parseLocatedYaml } from './yaml';

/** Anything written as `{#…}` at a heading's end, so that an invalid id is reported, not left in the title. */
const PAGE_ID = /\s*\{#([^{}]*)\}\s*$/;
const VALID_PAGE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Splits `---` front matter from the body; returns the body's first line number. */
export function splitFrontMatter(text: string): { front?: string; body: string; bodyLine: number } {
  if (!text.startsWith('---\n')) return { body: text, bodyLine: 1 };
  const end = text.indexOf('\n---', 3);
  if (end < 0) return { body: text, bodyLine: 1 };
  const front = text.slice(4, end + 1);
  const afterFence = text.indexOf('\n', end + 4);
  const body = afterFence < 0 ? '' : text.slice(afterFence + 1);
  return { front, body, bodyLine: front.split('\n').length + 2 };
}

/** Parses one lesson file into pages of Markdown and question blocks. */
export function parseLessonFile(id: string, lang: string, file: SourceFile, diagnostics: Diagnostics): ParsedLesson | undefined {
  const { front, body, bodyLine } = splitFrontMatter(file.text);
  if (front === undefined) {
    diagnostics.error(file.display, 1, 'lesson/no-front-matter', 'lesson file has no front matter', 'start the file with ---, a line "title: …", then ---');
    return undefined;
  }
  const frontYaml = parseLocatedYaml(front, file.display, 2, diagnostics);
  const frontMatter = frontYaml && checkSchema(lessonFrontMatterSchema, frontYaml, file.display, 'front matter', diagnostics);
  const tokens = markdown.parse(body, {});
  const pages: ParsedPage[] = [];
  let current: ParsedPage | undefined;
  let pending: Token[] = [];
  const lines = body.split('\n');
  const closers = new Set<number>();
  // Blocks numbered in file order: their HTML ids stay put when lines above them move (a
  // translation rewritten by `translate import` may fold or unfold lines).
  const seq = { n: 0 };
  const report = (line: number, rule: string, message: string, hint?: string, column?: number) => diagnostics.error(file.display, line, rule, message, hint, column);
  const flush = () => {
    if (current && pending.length) current.blocks.push({ kind: 'markdown', tokens: pending });
    pending = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const line = bodyLine + (token.map?.[0] ?? 0);
    if (token.type === 'heading_open' && token.tag === 'h1') {
      flush();
      const inline = tokens[i + 1]!;
      const match = PAGE_ID.exec(inline.content);
      const title = inline.content.replace(PAGE_ID, '').trim();
      const written = match?.[1];
      if (written !== undefined && !VALID_PAGE_ID.test(written)) {
        const column = (lines[line - bodyLine]?.indexOf(`{#${written}}`) ?? -1) + 3;
        const fixed = written.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || `${id}-${pages.length + 1}`;
        report(line, 'page/invalid-id', `page id "${written}" is not a valid id`, `a page id is 1 to 64 letters, digits, "_" and "-" (it becomes a file name and a tracking id), e.g. {#${fixed}}`, column > 2 ? column : 1);
      }
      current = { id: written !== undefined && VALID_PAGE_ID.test(written) ? written : `${id}-${pages.length + 1}`, title, line, blocks: [] };
      pages.push(current);
      i += 2; // inline + heading_close
      continue;
    }
    if (!current) {
      diagnostics.error(file.display, line, 'lesson/content-before-page', 'text before the first page heading', 'start each page with a level-1 heading: "# Page title {#page-id}"');
      current = { id: `${id}-${pages.length + 1}`, title: '', line, blocks: [] };
      pages.push(current);
    }
    if (token.type === BLOCK_OPEN) {
      flush();
      const { node, end } = parseContainer(tokens, i, { lines, bodyLine, report, closers, seq });
      const asQuestion = node && familyOf(node.name)?.toQuestion?.(node);
      if (asQuestion) {
        const spec = blockQuestion(asQuestion, file.display, node.line, diagnostics);
        if (spec) current.blocks.push({ kind: 'question', question: { spec, line: node.line } });
      } else if (node) current.blocks.push({ kind: 'block', node, tokens: tokens.slice(i, end + 1) });
      i = end;
      continue;
    }
    if (token.type === 'fence' && token.info.trim() === 'question') {
      flush();
      const spec = validateQuestion(token.content, file.display, line + 1, diagnostics);
      if (spec) current.blocks.push({ kind: 'question', question: { spec, line: line + 1 } } satisfies ParsedBlock);
      continue;
    }
    if (token.type === 'fence' && token.info.trim() === 'facilitator') {
      flush();
      current.blocks.push({ kind: 'facilitator', markdown: token.content, line: line + 1 });
      continue;
    }
    if (token.type === 'fence' && token.info.trim() === 'activity') {
      flush();
      const spec = validateActivity(token.content, file.display, line + 1, diagnostics);
      if (spec) current.blocks.push({ kind: 'activity', activity: { spec, line: line + 1 } });
      continue;
    }
    pending.push(token);
  }
  flush();
  checkStrayClosers(body, bodyLine, closers, report);
  if (pages.length === 0) {
    diagnostics.error(file.display, bodyLine, 'lesson/no-pages', 'lesson has no page', 'add a page: a line "# Page title {#page-id}" followed by text');
  }
  if (!frontMatter) return undefined;
  const objectiveLines = frontMatter.objectives.map((_, i) => frontYaml!.at(['objectives', i]).line);
  const stratifyLine = frontYaml!.at([], 'stratify').line;
  return { id, lang, file, front: frontMatter, objectiveLines, stratifyLine, bodyLine, pages };
}
