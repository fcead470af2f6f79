import { Document, Packer, Paragraph } from 'docx';
import { normaliseOfficeFile } from './ooxml';
import { orderedNumbering, type Block } from './docx-markdown';
import type { KitTheme } from './theme';

/** Word's built-in heading styles (so the navigation pane works), in the course's colour and font. */
function styles(theme: KitTheme) {
  const heading = (id: string, size: number) => ({ id, name: id.replace(/(\d)/, ' $1'), basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: theme.font, size, bold: true, color: theme.colour }, paragraph: { spacing: { before: 240, after: 120 } } });
  return {
    default: { document: { run: { font: theme.font, size: 22, language: { value: theme.officeLang, ...(theme.rtl ? { bidirectional: theme.officeLang } : {}) } }, paragraph: { spacing: { after: 120 } } } },
    paragraphStyles: [heading('Heading1', 36), heading('Heading2', 30), heading('Heading3', 26), heading('Heading4', 23), { id: 'Title', name: 'Title', basedOn: 'Normal', run: { font: theme.font, size: 52, bold: true, color: theme.colour } }],
  };
}

/** An A4 Word document: a title, a subtitle, then the body; deterministic bytes. */
export async function wordDocument(theme: KitTheme, meta: { title: string; subtitle: string; creator: string }, body: Block[]): Promise<Buffer> {
  const front: Block[] = [new Paragraph({ text: meta.title, style: 'Title', bidirectional: theme.rtl }), new Paragraph({ text: meta.subtitle, bidirectional: theme.rtl })];
  const doc = new Document({
    creator: meta.creator,
    title: meta.title,
    description: meta.subtitle,
    styles: styles(theme),
    numbering: orderedNumbering,
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 } } }, children: [...front, ...body] }],
  });
  return normaliseOfficeFile(await Packer.toBuffer(doc));
}
