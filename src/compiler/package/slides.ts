import path from 'node:path';
import PptxGenJS from 'pptxgenjs';
import sharp from 'sharp';
import { format, uiStrings, workshopStrings } from '../../i18n';
import type { CourseModel, DeliveryModel, PageModel, SessionModel } from '../model';
import { answerKey, isPoll, questionChoices } from './kit/answers';
import { keyPoints, notesText, pageImages } from './kit/key-points';
import { normaliseOfficeFile } from './kit/ooxml';
import { addActivity, addAgenda, addBand, addBullets, addImage, addQuestion, addTitle, W } from './kit/slide-kinds';
import { kitTheme, type KitTheme } from './kit/theme';
import type { KitWriter } from './writer';

const MASTER = 'COURSEPACK';
/** Rows an agenda table holds at a size read from the back of a room. */
const AGENDA_ROWS = 12;
/**
 * Every image as a PNG at most 1600 px wide: PowerPoint shows SVG and WebP only with a PNG fallback
 * beside them, and a slide is never wider than that on a projector. SVG is rasterised at 2x density.
 */
async function imageData(model: CourseModel, coursePath: string): Promise<string> {
  const file = path.join(model.sourceDir, coursePath);
  const png = await sharp(file, coursePath.toLowerCase().endsWith('.svg') ? { density: 192 } : {}).resize({ width: 1600, withoutEnlargement: true }).png().toBuffer();
  return `image/png;base64,${png.toString('base64')}`;
}

function newDeck(model: CourseModel, theme: KitTheme, logo: string | undefined): PptxGenJS {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.rtlMode = theme.rtl;
  pptx.theme = { headFontFace: theme.font, bodyFontFace: theme.font };
  pptx.title = model.title;
  pptx.company = model.organization;
  pptx.author = model.organization || 'Coursepack';
  const objects: NonNullable<PptxGenJS.SlideMasterProps['objects']> = [{ rect: { x: 0, y: 0, w: W, h: 0.12, fill: { color: theme.colour } } }];
  if (logo) objects.push({ image: { data: logo, x: theme.rtl ? 0.4 : W - 1.6, y: 6.85, w: 1.2, h: 0.5, sizing: { type: 'contain', w: 1.2, h: 0.5 }, altText: model.theme.logoAlt } });
  pptx.defineSlideMaster({ title: MASTER, background: { color: 'FFFFFF' }, objects, slideNumber: { x: theme.rtl ? W - 0.9 : 0.4, y: 6.95, fontSize: 10, color: '666666' } });
  return pptx;
}

/** One deck: title, agenda per day, then each session's pages, questions, activities and breaks. */
async function deck(model: CourseModel, delivery: DeliveryModel): Promise<{ bytes: Buffer; slides: number }> {
  const theme = kitTheme(model);
  const s = workshopStrings(model.lang);
  const ui = uiStrings(model.lang);
  const trueFalse: [string, string] = [ui.true!, ui.false!];
  const logo = model.theme.logo ? await imageData(model, model.theme.logo) : undefined;
  const pptx = newDeck(model, theme, logo);
  let count = 0;
  const slide = (notes?: string) => {
    count++;
    const added = pptx.addSlide({ masterName: MASTER });
    if (notes) added.addNotes(notes);
    return added;
  };
  const minutes = (n: number) => format(s.minutes!, { n });
  addBand(slide(), theme, model.title, [delivery.title, model.organization].filter(Boolean).join(' · '));

  // One agenda slide per day, or per session when a day's agenda would not fit on one slide.
  const days = [...new Set(delivery.sessions.map((x) => x.day))];
  for (const day of days) {
    const sessions = delivery.sessions.filter((x) => x.day === day);
    const rowsOf = (x: SessionModel): [string, string][] => [[`${x.start}–${x.end}`, x.title], ...x.items.map((i): [string, string] => [i.start, `${i.title} (${minutes(i.minutes)})`])];
    const groups = sessions.reduce((n, x) => n + x.items.length + 1, 0) > AGENDA_ROWS ? sessions.map((x) => [x]) : [sessions];
    for (const group of groups) {
      const agenda = slide();
      addTitle(agenda, theme, days.length > 1 ? `${s.agenda} · ${format(s.day!, { n: day })}` : s.agenda!, delivery.title);
      addAgenda(agenda, theme, group.flatMap(rowsOf));
    }
  }

  const pages = new Map(model.pages.map((p) => [p.id, p]));
  const activities = new Map(model.activities.map((a) => [a.spec.id, a.spec]));
  for (const session of delivery.sessions) {
    addBand(slide(), theme, session.title, `${format(s.day!, { n: session.day })} · ${session.start}–${session.end}`);
    for (const item of session.items) {
      if (item.kind === 'pages') for (const id of item.pageIds) await pageSlides(pages.get(id)!);
      else if (item.kind === 'activity') {
        const spec = activities.get(item.activityId)!;
        const variant = spec.variants[delivery.mode];
        const notes = [...spec.debrief.map((q) => `${s.debrief}${s.colon}${q}`), variant?.notes ?? ''].filter(Boolean).join('\n');
        addActivity(slide(notes), theme, spec, delivery.mode, { activity: s.activity!, purpose: s.purpose!, grouping: s.grouping!, steps: s.steps!, colon: s.colon!, minutes: minutes(item.minutes) });
      } else addBand(slide(), theme, item.title, `${item.start} · ${minutes(item.minutes)}`);
    }
  }

  /** The page's key points (unless it only holds questions), then a poll or discussion slide per question. */
  async function pageSlides(page: PageModel): Promise<void> {
    const lesson = model.lessons[page.lessonIndex]!;
    const images = pageImages(page, lesson.file.relative);
    const image = images[0] && (await imageData(model, images[0].path));
    const points = keyPoints(page);
    const questions = page.blocks.flatMap((b) => (b.kind === 'question' && b.question.role !== 'quiz' ? [b.question.spec] : []));
    let notes = notesText(page.notes);
    if (points.length || image || questions.length === 0) {
      const content = slide(notes);
      addTitle(content, theme, page.title, lesson.title);
      addBullets(content, theme, points, image ? { w: W / 2 - 0.8 } : {});
      if (image) addImage(content, image, images[0]!.alt);
      notes = '';
    }
    for (const q of questions) {
      const key = answerKey(q, trueFalse);
      const speaker = [notes, key.length ? `${s.answer}${s.colon}${key.join('; ')}` : ''].filter(Boolean).join('\n');
      addQuestion(slide(speaker || undefined), theme, q, `${isPoll(q) ? s.poll : s.discuss} · ${page.title}`, questionChoices(q, trueFalse));
      notes = '';
    }
  }

  const bytes = normaliseOfficeFile((await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
  return { bytes, slides: count };
}

export const slidesWriter: KitWriter = {
  target: 'slides',
  label: 'slides (PPTX)',
  needsWorkshop: true,
  async write(model) {
    const out = [];
    for (const delivery of model.workshop?.deliveries ?? []) {
      const { bytes, slides } = await deck(model, delivery);
      out.push({ target: 'slides' as const, lang: model.lang, fileName: `${model.id}-${model.lang}-slides-${delivery.id}.pptx`, bytes, summary: `${slides} slides` });
    }
    return out;
  },
};
