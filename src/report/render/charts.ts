import type { PilotReport } from '../metrics/report-data';

type Spec = Record<string, unknown>;

/** Vega and Vega-Lite are ES modules with top-level await: only a real dynamic import loads them. */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<any>;

const BASE = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  // Text is measured without a canvas: a fixed system font keeps the layout the same everywhere.
  config: { font: 'Arial, Helvetica, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 }, aria: false, background: 'white' },
};
const BLUE = '#1f5f99';

/**
 * The report's charts as Vega-Lite specs, rendered to SVG at build time so report.html opens offline
 * and prints. Each chart has a data table beside it (the SVG is hidden from screen readers).
 */
export function chartSpecs(report: PilotReport): Record<string, Spec> {
  const specs: Record<string, Spec> = {
    funnel: {
      ...BASE,
      width: 640,
      height: 200,
      data: { values: report.funnel.map((p, i) => ({ page: i + 1, title: p.title, learners: p.learners })) },
      mark: { type: 'bar', color: BLUE },
      encoding: {
        x: { field: 'page', type: 'ordinal', title: 'Page (in course order)', axis: { labelAngle: 0, values: report.funnel.map((_, i) => i + 1).filter((n) => n === 1 || n % 5 === 0) } },
        y: { field: 'learners', type: 'quantitative', title: 'Learners who reached it' },
      },
    },
    lessons: {
      ...BASE,
      width: 520,
      height: { step: 22 },
      data: { values: report.lessons.filter((l) => l.medianMinutes !== null) },
      mark: { type: 'bar', color: BLUE },
      encoding: {
        y: { field: 'title', type: 'nominal', sort: null, title: null, axis: { labelLimit: 260 } },
        x: { field: 'medianMinutes', type: 'quantitative', title: 'Median minutes' },
      },
    },
    scores: {
      ...BASE,
      width: 520,
      height: 180,
      data: { values: report.scores.bins.map((b) => ({ range: `${b.from}–${b.to}`, count: b.count })) },
      mark: { type: 'bar', color: BLUE },
      encoding: {
        x: { field: 'range', type: 'ordinal', sort: null, title: 'Final quiz score (%)', axis: { labelAngle: 0 } },
        y: { field: 'count', type: 'quantitative', title: 'Learners', axis: { tickMinStep: 1 } },
      },
    },
    facility: {
      ...BASE,
      width: 520,
      height: { step: 18 },
      data: { values: report.questions.filter((q) => q.facility !== null).map((q) => ({ id: q.id, facility: q.facility, flagged: q.flags.length ? 'flagged' : 'no flag' })) },
      mark: 'bar',
      encoding: {
        y: { field: 'id', type: 'nominal', sort: null, title: null },
        x: { field: 'facility', type: 'quantitative', title: 'Facility index (% right, first attempt)', scale: { domain: [0, 100] } },
        color: { field: 'flagged', type: 'nominal', scale: { domain: ['no flag', 'flagged'], range: [BLUE, '#b3261e'] }, title: null },
      },
    },
  };
  const likert = divergingLikert(report);
  if (likert.length) {
    specs.survey = {
      ...BASE,
      width: 520,
      height: { step: 26 },
      data: { values: likert },
      mark: 'bar',
      encoding: {
        y: { field: 'question', type: 'nominal', sort: null, title: null, axis: { labelLimit: 240 } },
        x: { field: 'start', type: 'quantitative', title: '← disagree · learners · agree →' },
        x2: { field: 'end' },
        // Scales differ in labels and length: colour says how far a point is from the middle.
        color: { field: 'level', type: 'ordinal', sort: levels(likert), scale: { scheme: 'redblue' }, title: 'Scale points from the middle (− lower, + higher)', legend: { orient: 'bottom', direction: 'horizontal', titleLimit: 500 } },
        tooltip: [{ field: 'answer' }],
      },
    };
  }
  return specs;
}

/** Likert answers as diverging bars: the scale's lower half to the left of zero, the middle split. */
function divergingLikert(report: PilotReport): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const q of report.survey) {
    if (q.type !== 'likert' || !q.distribution.length) continue;
    const points = q.distribution;
    const mid = (points.length - 1) / 2;
    const left = points.reduce((s, p, i) => s + (i < mid ? p.count : i === mid ? p.count / 2 : 0), 0);
    let at = -left;
    points.forEach((p, i) => {
      const level = i - mid;
      rows.push({ question: `${q.id} (n=${q.n})`, answer: p.label, level: `${level > 0 ? '+' : level < 0 ? '−' : ''}${Math.abs(level)}`, order: level, start: at, end: at + p.count });
      at += p.count;
    });
  }
  return rows;
}

/** The colour legend's order: lowest point first. */
function levels(rows: Record<string, unknown>[]): string[] {
  const seen = new Map(rows.map((r) => [r.level as string, r.order as number]));
  return [...seen].sort((a, b) => a[1] - b[1]).map(([l]) => l);
}

export async function renderSvgs(specs: Record<string, Spec>): Promise<Record<string, string>> {
  const [vega, vegaLite] = await Promise.all([importEsm('vega'), importEsm('vega-lite')]);
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
    const svg: string = await view.toSVG();
    view.finalize();
    out[name] = svg;
  }
  return out;
}
