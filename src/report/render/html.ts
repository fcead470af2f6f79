import { promises as fs } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { PilotReport } from '../metrics/report-data';

const TEMPLATE = path.join(__dirname, '..', '..', '..', 'templates', 'report', 'report.hbs');

const FLAG_WORDS: Record<string, string> = {
  'too-easy': 'too easy',
  'too-hard': 'too hard',
  'negative-discrimination': 'negative discrimination',
  'weak-discrimination': 'weak discrimination',
  'distractor-attracts-strong': 'distractor attracts strong learners',
  'not-mastered': 'not mastered',
};

/** report.html: one self-contained page (inline CSS and SVG, no script, no request to anywhere). */
export async function reportHtml(report: PilotReport, charts: Record<string, string>): Promise<string> {
  const hb = Handlebars.create();
  hb.registerHelper('num', (v: unknown) => (v === null || v === undefined ? '–' : String(v)));
  hb.registerHelper('flag', (f: string) => FLAG_WORDS[f] ?? f);
  hb.registerHelper('inc', (i: number) => i + 1);
  // A chart is an image whose figures are in the table beside it: as an <img>, its text is not
  // page text that screen readers read twice or contrast checkers cannot place on a background.
  hb.registerHelper('chart', (svg: string | undefined, alt: string) =>
    svg ? new hb.SafeString(`<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" alt="${hb.escapeExpression(alt)}">`) : '',
  );
  const template = hb.compile(await fs.readFile(TEMPLATE, 'utf8'), { strict: false });
  const likert = report.survey.filter((q) => q.type === 'likert');
  const open = report.survey.filter((q) => q.type === 'open');
  return template({ report, charts, likert, open, scored: report.questions.filter((q) => q.responses > 0), unseen: report.questions.filter((q) => q.responses === 0) });
}
