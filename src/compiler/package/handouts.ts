import { workshopStrings } from '../../i18n';
import type { CourseModel } from '../model';
import { wordDocument } from './kit/docx-document';
import { DocWriter, type Block } from './kit/docx-markdown';
import { kitTheme } from './kit/theme';
import type { KitWriter } from './writer';

/** Every Markdown handout of the course, each from a new page, its headings below its title. */
export function handoutBlocks(model: CourseModel, doc: DocWriter, level: number): Block[] {
  return model.printables.flatMap((h, i) => [doc.heading(h.title, level, i > 0 || level === 1), ...doc.markdown(h.markdown!.text.replace(/^#\s.*\n/, ''), level + 1)]);
}

/**
 * The participants' handouts as one printable Word document per language. No PDF: the PDF libraries
 * that need no browser (pdfkit, pdfmake) do not shape Arabic, and a designer's build should not need a
 * browser or LibreOffice; Word and LibreOffice print or export the DOCX to PDF faithfully.
 */
export const handoutsWriter: KitWriter = {
  target: 'handouts',
  label: 'handouts (DOCX)',
  needsWorkshop: false,
  async write(model) {
    const theme = kitTheme(model);
    const s = workshopStrings(model.lang);
    const doc = new DocWriter(theme, s.colon!);
    const body = handoutBlocks(model, doc, 1);
    const bytes = await wordDocument(theme, { title: model.title, subtitle: [s.handouts, model.organization].filter(Boolean).join(' · '), creator: model.organization || 'Coursepack' }, body);
    return [{ target: 'handouts', lang: model.lang, fileName: `${model.id}-${model.lang}-handouts.docx`, bytes, summary: `${model.printables.length} handouts` }];
  },
};
