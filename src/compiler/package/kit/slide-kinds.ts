import type PptxGenJS from 'pptxgenjs';
import type { ActivitySpec, DeliveryMode, QuestionSpec } from '../../../schema';
import { plainText } from '../../render/markdown-html';
import type { KeyPoint } from './key-points';
import type { KitTheme } from './theme';

type Slide = PptxGenJS.Slide;
type TextRun = PptxGenJS.TextProps;

/** Slide geometry (inches, 16:9 wide): one master, explicit sizes, as PowerPoint likes it. */
export const W = 13.333;
const MARGIN = 0.6;
const BODY_W = W - 2 * MARGIN;

/** Text options every box shares: theme font, and right-to-left paragraphs for Arabic. */
export function textBase(theme: KitTheme): PptxGenJS.TextPropsOptions {
  return { fontFace: theme.font, lang: theme.officeLang, rtlMode: theme.rtl, align: theme.rtl ? 'right' : 'left', valign: 'top', margin: 0.05 };
}

/**
 * pptxgenjs takes a paragraph's direction from its runs, not the box, and starts a new paragraph when
 * a run's alignment differs from the one before: every run carries the same.
 */
function dir(theme: KitTheme): PptxGenJS.TextPropsOptions {
  return { rtlMode: theme.rtl, align: theme.rtl ? 'right' : 'left' };
}

export function addTitle(slide: Slide, theme: KitTheme, title: string, kicker?: string): void {
  if (kicker) slide.addText(kicker, { ...textBase(theme), x: MARGIN, y: 0.35, w: BODY_W, h: 0.4, fontSize: 14, color: theme.colour, bold: true });
  slide.addText(title, { ...textBase(theme), x: MARGIN, y: 0.75, w: BODY_W, h: 0.9, fontSize: 28, bold: true, color: '1F1F1F', fit: 'shrink', valign: 'middle' });
}

export function addBullets(slide: Slide, theme: KitTheme, points: readonly KeyPoint[], box: { x?: number; w?: number } = {}): void {
  if (points.length === 0) return;
  const runs: TextRun[] = points.flatMap((p): TextRun[] => [
    { text: p.text, options: { ...dir(theme), bullet: true, fontSize: 20, bold: Boolean(p.detail), color: '1F1F1F', breakLine: true, paraSpaceBefore: 8 } },
    ...(p.detail ? [{ text: p.detail, options: { ...dir(theme), bullet: { indent: 18 }, indentLevel: 1, fontSize: 15, color: '444444', breakLine: true } } as TextRun] : []),
  ]);
  slide.addText(runs, { ...textBase(theme), x: box.x ?? MARGIN, y: 1.8, w: box.w ?? BODY_W, h: 5.1, fit: 'shrink' });
}

export function addImage(slide: Slide, data: string, alt: string): void {
  slide.addImage({ data, altText: alt, x: W / 2 + 0.2, y: 1.8, w: W / 2 - MARGIN - 0.2, h: 5.0, sizing: { type: 'contain', w: W / 2 - MARGIN - 0.2, h: 5.0 } });
}

/** A big band in the course colour, for the title, session and break slides. */
export function addBand(slide: Slide, theme: KitTheme, title: string, subtitle: string): void {
  slide.addShape('rect', { x: 0, y: 2.2, w: W, h: 2.6, fill: { color: theme.colour }, line: { color: theme.colour } });
  slide.addText(title, { ...textBase(theme), x: MARGIN, y: 2.4, w: BODY_W, h: 1.5, fontSize: 34, bold: true, color: 'FFFFFF', fit: 'shrink', valign: 'middle' });
  slide.addText(subtitle, { ...textBase(theme), x: MARGIN, y: 3.95, w: BODY_W, h: 0.7, fontSize: 18, color: 'FFFFFF', valign: 'middle' });
}

/** A timer badge in the corner: how long the activity or break lasts. */
export function addTimer(slide: Slide, theme: KitTheme, label: string): void {
  slide.addShape('roundRect', { x: theme.rtl ? MARGIN : W - MARGIN - 2.0, y: 0.3, w: 2.0, h: 0.7, fill: { color: theme.colour }, line: { color: theme.colour }, rectRadius: 0.15 });
  slide.addText(`⏱ ${label}`, { ...textBase(theme), x: theme.rtl ? MARGIN : W - MARGIN - 2.0, y: 0.3, w: 2.0, h: 0.7, fontSize: 18, bold: true, color: 'FFFFFF', align: 'center', valign: 'middle' });
}

export interface ActivityLabels {
  activity: string;
  purpose: string;
  grouping: string;
  steps: string;
  /** The language's ": ". */
  colon: string;
  minutes: string;
}

/** Activity instructions: purpose, grouping and the steps of this delivery's mode. */
export function addActivity(slide: Slide, theme: KitTheme, a: ActivitySpec, mode: DeliveryMode, labels: ActivityLabels): void {
  const variant = a.variants[mode];
  addTimer(slide, theme, labels.minutes);
  addTitle(slide, theme, a.title, labels.activity);
  const runs: TextRun[] = [
    { text: `${labels.purpose}${labels.colon}`, options: { ...dir(theme), bold: true } },
    { text: plainText(a.purpose), options: { ...dir(theme), breakLine: true } },
    { text: `${labels.grouping}${labels.colon}`, options: { ...dir(theme), bold: true } },
    { text: plainText(variant?.grouping ?? a.grouping), options: { ...dir(theme), breakLine: true } },
    { text: labels.steps, options: { ...dir(theme), bold: true, breakLine: true, paraSpaceBefore: 10 } },
    ...(variant?.steps ?? a.steps).map((s): TextRun => ({ text: plainText(s), options: { ...dir(theme), bullet: { type: 'number' }, breakLine: true } })),
  ];
  slide.addText(runs, { ...textBase(theme), x: MARGIN, y: 1.8, w: BODY_W, h: 5.1, fontSize: 18, color: '1F1F1F', fit: 'shrink' });
}

/** A poll or discussion slide: the prompt and the choices, never the answer (that goes in the notes). */
export function addQuestion(slide: Slide, theme: KitTheme, q: QuestionSpec, kicker: string, choices: readonly string[]): void {
  addTitle(slide, theme, plainText(q.prompt), kicker);
  const situation = q.type === 'scenario' && q.situation ? [{ text: plainText(q.situation), options: { ...dir(theme), fontSize: 16, italic: true, breakLine: true, paraSpaceAfter: 8 } } as TextRun] : [];
  const runs: TextRun[] = [...situation, ...choices.map((c): TextRun => ({ text: c, options: { ...dir(theme), fontSize: 20, breakLine: true, paraSpaceBefore: 6 } }))];
  if (runs.length) slide.addText(runs, { ...textBase(theme), x: MARGIN, y: 1.8, w: BODY_W, h: 5.1, color: '1F1F1F', fit: 'shrink' });
}

/** The agenda of one day or session, as a two-column table. */
export function addAgenda(slide: Slide, theme: KitTheme, rows: readonly [string, string][]): void {
  const cell = (text: string, bold = false): PptxGenJS.TableCell => ({ text, options: { ...textBase(theme), bold, fontSize: rows.length > 10 ? 13 : 16, valign: 'middle' } });
  const table = rows.map(([time, what]) => (theme.rtl ? [cell(what), cell(time, true)] : [cell(time, true), cell(what)]));
  const colW = theme.rtl ? [BODY_W - 2.2, 2.2] : [2.2, BODY_W - 2.2];
  slide.addTable(table, { x: MARGIN, y: 1.8, w: BODY_W, colW, border: { type: 'solid', pt: 0.5, color: 'BBBBBB' }, autoPage: false });
}
