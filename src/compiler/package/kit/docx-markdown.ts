import { BorderStyle, ExternalHyperlink, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { markdown, type Token } from '../../markdown';
import type { KitTheme } from './theme';

export type Block = Paragraph | Table;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** Builds Word paragraphs in one direction and list numbering; every writer of the kit shares it. */
export class DocWriter {
  /** Each ordered list restarts its numbering with its own instance. */
  private lists = 0;

  /** @param colon the language's ": " (French puts a no-break space before it). */
  constructor(
    readonly theme: KitTheme,
    private readonly colon = ': ',
  ) {}

  run(text: string, options: { bold?: boolean; italics?: boolean; font?: string } = {}): TextRun {
    return new TextRun({ text, ...options, rightToLeft: this.theme.rtl });
  }

  heading(text: string, level: number, pageBreakBefore = false): Paragraph {
    return new Paragraph({ children: [this.run(text)], heading: HEADINGS[Math.min(Math.max(level, 1), 6) - 1], bidirectional: this.theme.rtl, pageBreakBefore, keepNext: true });
  }

  paragraph(children: ParagraphChild[] | string, extra: { bullet?: number; numbered?: number; style?: string } = {}): Paragraph {
    const runs = typeof children === 'string' ? [this.run(children)] : children;
    return new Paragraph({
      children: runs,
      bidirectional: this.theme.rtl,
      style: extra.style,
      ...(extra.bullet !== undefined ? { bullet: { level: extra.bullet } } : {}),
      ...(extra.numbered !== undefined ? { numbering: { reference: 'ordered', level: 0, instance: extra.numbered } } : {}),
    });
  }

  /** A labelled line: "Purpose: …". */
  labelled(label: string, value: string): Paragraph {
    return this.paragraph([this.run(`${label}${this.colon}`, { bold: true }), ...this.inline(value)]);
  }

  bullets(items: readonly string[]): Paragraph[] {
    return items.map((item) => this.paragraph(this.inline(item), { bullet: 0 }));
  }

  numbered(items: readonly string[]): Paragraph[] {
    const instance = ++this.lists;
    return items.map((item) => this.paragraph(this.inline(item), { numbered: instance }));
  }

  table(rows: readonly (readonly string[])[], header = true): Table {
    const border = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: this.theme.rtl,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: rows.map((cells, r) => new TableRow({ tableHeader: header && r === 0, children: cells.map((c) => new TableCell({ children: [this.paragraph(r === 0 && header ? [this.run(c, { bold: true })] : this.inline(c))] })) })),
    });
  }

  /** Inline Markdown → runs: bold, italics, code, links (external links stay clickable). */
  inline(text: string): ParagraphChild[] {
    const children = markdown.parseInline(text, {})[0]?.children ?? [];
    const out: ParagraphChild[] = [];
    let bold = 0;
    let italics = 0;
    let link: { href: string; runs: TextRun[] } | undefined;
    const push = (run: TextRun) => (link ? link.runs.push(run) : out.push(run));
    for (const t of children) {
      if (t.type === 'strong_open') bold++;
      else if (t.type === 'strong_close') bold--;
      else if (t.type === 'em_open') italics++;
      else if (t.type === 'em_close') italics--;
      else if (t.type === 'text') push(this.run(t.content, { bold: bold > 0, italics: italics > 0 }));
      else if (t.type === 'code_inline') push(this.run(t.content, { font: 'Consolas' }));
      else if (t.type === 'softbreak' || t.type === 'hardbreak') push(this.run(' '));
      else if (t.type === 'image') push(this.run(`[${t.content}]`, { italics: true }));
      else if (t.type === 'link_open') {
        const href = t.attrGet('href') ?? '';
        if (/^https?:|^mailto:/.test(href)) link = { href, runs: [] };
      } else if (t.type === 'link_close' && link) {
        out.push(new ExternalHyperlink({ link: link.href, children: link.runs.map((r) => r) }));
        link = undefined;
      }
    }
    return out;
  }

  /** A Markdown text (handout, facilitator note) as Word blocks; its headings start at `topLevel`. */
  markdown(text: string, topLevel: number): Block[] {
    return this.tokens(markdown.parse(text, {}), topLevel);
  }

  tokens(tokens: readonly Token[], topLevel: number): Block[] {
    const out: Block[] = [];
    const lists: { ordered: boolean; instance: number }[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type === 'heading_open') {
        out.push(this.heading(tokens[i + 1]!.content, topLevel + Number(t.tag.slice(1)) - 1));
        i += 2;
      } else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
        lists.push({ ordered: t.type === 'ordered_list_open', instance: ++this.lists });
      } else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.pop();
      else if (t.type === 'inline' && tokens[i - 1]?.type === 'paragraph_open') {
        const list = lists.at(-1);
        const inList = tokens[i - 2]?.type === 'list_item_open';
        out.push(this.paragraph(this.inline(t.content), list && inList ? (list.ordered ? { numbered: list.instance } : { bullet: lists.length - 1 }) : {}));
      } else if (t.type === 'table_open') {
        const rows: string[][] = [];
        for (i++; tokens[i] && tokens[i]!.type !== 'table_close'; i++) {
          if (tokens[i]!.type === 'tr_open') rows.push([]);
          if (tokens[i]!.type === 'inline') rows.at(-1)!.push(tokens[i]!.content);
        }
        out.push(this.table(rows));
      } else if (t.type === 'fence' || t.type === 'code_block') {
        for (const line of t.content.replace(/\n$/, '').split('\n')) out.push(this.paragraph([this.run(line, { font: 'Consolas' })]));
      }
    }
    return out;
  }
}

/** The numbering every kit document declares, for ordered lists. */
export const orderedNumbering = {
  config: [{ reference: 'ordered', levels: [{ level: 0, format: 'decimal' as const, text: '%1.', alignment: 'start' as const, style: { paragraph: { indent: { left: 720, hanging: 360 } } } }] }],
};
