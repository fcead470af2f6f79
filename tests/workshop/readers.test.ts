/**
 * The workshop kit read by real readers: every deck and document is built by the CLI, opened by
 * LibreOffice and converted to PDF, then read back with poppler (text, page counts, positions).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { compile } from '../../src/compiler';
import type { CourseModel } from '../../src/compiler/model';
import { plainText } from '../../src/compiler/render/markdown-html';
import { arabicWorkshop, cli, FLAGSHIP } from './helpers';
import { part, partTexts, parts, pdfPages, pdfText, pdfWords, requireReaders, toPdf } from './office';

let flagship: string;
let arabic: string;
let pdf: Map<string, string>;
let models: CourseModel[];
const file = (dir: string, name: string) => path.join(dir, name);

beforeAll(async () => {
  requireReaders();
  flagship = cli(FLAGSHIP, 'slides,guide,handouts');
  arabic = cli(arabicWorkshop(), 'slides,guide,handouts');
  models = (await compile(FLAGSHIP, { targets: [] })).models;
  const all = [flagship, arabic].flatMap((dir) => readdirSync(dir).map((f) => file(dir, f)));
  pdf = toPdf(all);
}, 1_800_000);

const deckName = (lang: string, delivery: string) => `un-migration-cca-cf-${lang}-slides-${delivery}.pptx`;

describe('the flagship kit', () => {
  test('EN and FR: a deck per delivery, the guide and the handouts, each converted to PDF by LibreOffice', () => {
    expect(readdirSync(flagship).sort()).toEqual(
      ['en', 'fr'].flatMap((l) => [`un-migration-cca-cf-${l}-guide.docx`, `un-migration-cca-cf-${l}-handouts.docx`, deckName(l, 'in-person'), deckName(l, 'remote')]).sort(),
    );
    for (const name of readdirSync(flagship)) expect(pdfPages(pdf.get(file(flagship, name))!)).toBeGreaterThan(1);
  });

  test.each(['en', 'fr'])('%s decks: one PDF page per slide, speaker notes from every facilitator note', async (lang) => {
    const model = models.find((m) => m.lang === lang)!;
    for (const delivery of model.workshop!.deliveries) {
      const deck = file(flagship, deckName(lang, delivery.id));
      const slides = (await parts(deck)).filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p));
      expect(pdfPages(pdf.get(deck)!)).toBe(slides.length);
      const notes: string[] = [];
      const titles: string[] = [];
      for (let i = 1; i <= slides.length; i++) {
        titles.push((await partTexts(deck, `ppt/slides/slide${i}.xml`)).join(' '));
        notes.push((await partTexts(deck, `ppt/notesSlides/notesSlide${i}.xml`)).join(' '));
      }
      const shown = new Set(delivery.sessions.flatMap((s) => s.items.flatMap((i) => (i.kind === 'pages' ? i.pageIds : []))));
      const noted = model.pages.filter((p) => shown.has(p.id) && p.notes.length > 0);
      expect(noted.length).toBeGreaterThan(10);
      for (const page of noted) {
        const first = plainText(page.notes[0]!.split('\n')[0]!).slice(0, 40);
        const at = titles.findIndex((t) => t.includes(page.title));
        expect({ page: page.id, notes: notes.slice(at, at + 2).join(' ').includes(first) }).toEqual({ page: page.id, notes: true });
      }
      const text = pdfText(pdf.get(deck)!).replace(/\s+/g, " ");
      expect(text).toContain(model.title.slice(0, 30));
      expect(text).toContain(delivery.title);
      for (const a of model.activities) expect(text).toContain(a.spec.title.slice(0, 30));
    }
  });

  test.each(['en', 'fr'])('%s guide: every activity with its timings, both agendas, answer keys, Word headings', async (lang) => {
    const model = models.find((m) => m.lang === lang)!;
    const guide = file(flagship, `un-migration-cca-cf-${lang}-guide.docx`);
    const text = pdfText(pdf.get(guide)!).replace(/\s+/g, ' ');
    for (const a of model.activities) {
      expect(text).toContain(a.spec.title);
      expect(text).toContain(plainText(a.spec.debrief[0]!).slice(0, 40));
    }
    for (const delivery of model.workshop!.deliveries) {
      expect(text).toContain(delivery.title);
      for (const session of delivery.sessions) {
        // The stated length and what its items add up to are the same: the build warns otherwise.
        expect(session.items.reduce((n, i) => n + i.minutes, 0)).toBe(session.minutes);
        expect(text).toContain(`${session.start}–${session.end}`);
      }
    }
    const xml = await part(guide, 'word/document.xml');
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)!.length).toBeGreaterThanOrEqual(6);
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
  });

  test('the French files are in French', () => {
    const deck = pdfText(pdf.get(file(flagship, deckName('fr', 'remote')))!);
    expect(deck).toContain('Programme');
    expect(deck).toContain('Restitution');
    const guide = pdfText(pdf.get(file(flagship, 'un-migration-cca-cf-fr-guide.docx'))!);
    for (const heading of ['À propos de cet atelier', 'Liste de préparation', 'Séance par séance', 'Corrigé', 'Examen en groupes du BCP du Kaliland']) expect(guide).toContain(heading);
  });

  test('handouts: every handout of the course, printable', () => {
    const model = models.find((m) => m.lang === 'en')!;
    const text = pdfText(pdf.get(file(flagship, 'un-migration-cca-cf-en-handouts.docx'))!).replace(/\s+/g, ' ');
    for (const h of model.printables) expect(text).toContain(h.title);
    expect(pdfPages(pdf.get(file(flagship, 'un-migration-cca-cf-en-handouts.docx'))!)).toBeGreaterThanOrEqual(model.printables.length);
  });
});

describe('Arabic: right to left', () => {
  test('slide paragraphs and Word paragraphs are marked right-to-left', async () => {
    const deck = file(arabic, 'arabic-sample-ar-slides-in-person.pptx');
    const slide = await part(deck, 'ppt/slides/slide6.xml');
    const arabicParagraphs = slide.split('<a:p>').filter((p) => /[\u0600-\u06ff]/.test(p));
    expect(arabicParagraphs.length).toBeGreaterThan(2);
    for (const p of arabicParagraphs) expect(p).toMatch(/^<a:pPr rtl="1"\s+algn="r"/);
    const guide = await part(file(arabic, 'arabic-sample-ar-guide.docx'), 'word/document.xml');
    expect(guide.match(/<w:bidi\/>/g)!.length).toBeGreaterThan(20);
    expect(guide).toContain('<w:rtl/>');
  });

  test('LibreOffice lays the Arabic text out from the right margin', () => {
    for (const name of ['arabic-sample-ar-guide.docx', 'arabic-sample-ar-slides-in-person.pptx']) {
      const words = pdfWords(pdf.get(file(arabic, name))!, 2).filter((w) => /[\u0600-\u06ff]/.test(w.text));
      expect(words.length).toBeGreaterThan(3);
      const right = Math.max(...words.map((w) => w.xMax));
      const left = Math.min(...words.map((w) => w.xMin));
      // Flush right: the text ends near the right edge and keeps clear of the left one.
      expect({ name, flushRight: right > words[0]!.pageWidth * 0.85 }).toEqual({ name, flushRight: true });
      expect(right - words[0]!.pageWidth * 0.5).toBeGreaterThan(words[0]!.pageWidth * 0.5 - right + (right - left) / 4);
    }
    expect(pdfText(pdf.get(file(arabic, 'arabic-sample-ar-guide.docx'))!)).toContain('خريطة مصادر البيانات');
  });
});
