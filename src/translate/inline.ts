import { markdown, type Token } from '../compiler/markdown';
import type { CodeType, Run } from './unit';

/** Raised for inline syntax we cannot write back exactly: the whole string then stays as it is. */
export class UnsupportedInline extends Error {}

const PAIRED: Record<string, CodeType> = { strong: 'bold', em: 'italic', s: 'strike' };

function pushText(runs: Run[], text: string): void {
  const last = runs.at(-1);
  if (last?.kind === 'text') last.text += text;
  else if (text) runs.push({ kind: 'text', text });
}

function linkEnd(href: string, title: string | null): string {
  const target = /[\s()<>]/.test(href) ? `<${href}>` : href;
  return `](${target}${title ? ` "${title.replace(/(["\\])/g, '\\$1')}"` : ''})`;
}

function codeSpan(token: Token): string {
  const fence = token.markup || '`';
  const pad = /^[`\s]|[`\s]$/.test(token.content) ? ' ' : '';
  return `${fence}${pad}${token.content}${pad}${fence}`;
}

/** markdown-it inline tokens → runs and codes, numbering codes from `next`. */
function convert(tokens: Token[], runs: Run[], next: { id: number }): void {
  const open: { id: string; type: CodeType; data: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const paired = PAIRED[t.type.replace(/_(open|close)$/, '')];
    if (t.type === 'text' || t.type === 'text_special') pushText(runs, t.content);
    else if (t.type === 'softbreak') pushText(runs, '\n');
    else if (t.type === 'hardbreak') runs.push({ kind: 'ph', id: String(next.id++), type: 'break', data: '\\\n' });
    else if (t.type === 'code_inline') runs.push({ kind: 'ph', id: String(next.id++), type: 'code', data: codeSpan(t) });
    else if (paired && t.type.endsWith('_open')) {
      const code = { id: String(next.id++), type: paired, data: t.markup };
      open.push(code);
      runs.push({ kind: 'open', ...code });
    } else if (t.type === 'link_open' && (t.markup === 'linkify' || t.markup === 'autolink')) {
      const text = tokens[i + 1]?.type === 'text' ? tokens[i + 1]!.content : '';
      if (tokens[i + 2]?.type !== 'link_close') throw new UnsupportedInline('link text');
      runs.push({ kind: 'ph', id: String(next.id++), type: 'autolink', data: t.markup === 'autolink' ? `<${text}>` : text });
      i += 2;
    } else if (t.type === 'link_open') {
      const code = { id: String(next.id++), type: 'link' as const, data: linkEnd(t.attrGet('href') ?? '', t.attrGet('title')) };
      open.push(code);
      runs.push({ kind: 'open', id: code.id, type: 'link', data: '[' });
    } else if (t.type === 'image') {
      const id = String(next.id++);
      runs.push({ kind: 'open', id, type: 'image', data: '![' });
      convert(t.children ?? [], runs, next);
      runs.push({ kind: 'close', id, type: 'image', data: linkEnd(t.attrGet('src') ?? '', t.attrGet('title')) });
    } else if (t.type.endsWith('_close') && open.length) {
      const code = open.pop()!;
      runs.push({ kind: 'close', ...code });
    } else throw new UnsupportedInline(t.type);
  }
  if (open.length) throw new UnsupportedInline('unclosed');
}

/** Inline Markdown → runs. Throws UnsupportedInline for syntax (plugins, raw HTML) it cannot keep. */
export function runsOfTokens(children: Token[]): Run[] {
  const runs: Run[] = [];
  convert(children, runs, { id: 1 });
  return runs;
}

export function runsOfMarkdown(inline: string): Run[] {
  const [block] = markdown.parseInline(inline, {});
  return runsOfTokens(block?.children ?? []);
}

/** Where the text goes back: paragraph starts can turn into lists or headings, cells end at `|`. */
export interface WriteContext {
  /** Text begins a Markdown line (escape #, >, -, +, =, "1." at line starts). */
  block: boolean;
  table?: boolean;
  heading?: boolean;
  /** Rewrites a code's Markdown (course-relative links to language files). */
  mapData?: (run: Exclude<Run, { kind: 'text' }>) => string;
}

function escapeText(text: string, atLineStart: boolean, ctx: WriteContext): string {
  let out = text.replace(/ +\n/g, '\n').replace(/[\\`*_[\]<~]/g, '\\$&').replace(/&(?=#?\w+;)/g, '\\&');
  if (ctx.table) out = out.replace(/\|/g, '\\|');
  if (ctx.block) {
    const lead = /(^|\n)([ \t]*)([#>+=-]|\d{1,9}[.)])/g;
    out = out.replace(lead, (m, nl: string, sp: string, marker: string, offset: number) =>
      offset === 0 && !atLineStart && !nl ? m : `${nl}${sp}${marker.replace(/^(\d*)([#>+=.)-])$/, '$1\\$2')}`,
    );
  }
  return out;
}

/** Runs → Markdown that parses back to the same runs. */
export function markdownOfRuns(runs: readonly Run[], ctx: WriteContext): string {
  let out = '';
  runs.forEach((run, i) => {
    if (run.kind === 'text') {
      let text = escapeText(run.text, out === '' || out.endsWith('\n'), ctx);
      const next = runs[i + 1];
      if (text.endsWith('!') && next?.kind === 'open' && next.type === 'link') text = `${text.slice(0, -1)}\\!`;
      out += text;
    } else out += ctx.mapData ? ctx.mapData(run) : run.data;
  });
  if (ctx.table || ctx.heading) out = out.replace(/\n/g, ' ');
  if (ctx.heading) out = out.replace(/(\s)(#+)\s*$/, (_m, sp: string, hashes: string) => `${sp}${hashes.replace(/#/g, '\\#')}`);
  return out;
}
