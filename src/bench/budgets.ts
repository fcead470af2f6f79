import type { BenchResult, CourseFigures, Row } from './figures';

/** The budgets of issue 6: an order of magnitude under Adapt and LiaScript. */
export const BUDGETS = {
  flagshipBuildMs: 1500,
  largeBuildMs: 5000,
  largePages: 1000,
  /** Marginal build cost per page at the largest size over that at the smaller sizes: linear is ~1. */
  growthRatio: 1.5,
  runtimeGzipBytes: { scorm12: 15000, scorm2004: 15000, web: 15000, xapi: 35000, cmi5: 35000 } as Record<string, number>,
  /** Issue 9: with every block available. */
  blocksRuntimeGzipBytes: { scorm12: 18000, scorm2004: 18000, web: 18000, xapi: 35000, cmi5: 35000 } as Record<string, number>,
  flagshipZipBytes: 150000,
  /** Issue 9: launch to first heading, every standard (the first screen is in the HTML). */
  launchMs: 100,
  /** Issue 10: SCORM with 100 ms per API call. */
  slowHeadingMs: 600,
  slowTurnMs: 150,
  slowCallsPerTurn: 3,
  /** Issue 9: a 1280 px-wide photo placed in a course ships at most this at 800 px wide. */
  image800Bytes: 150_000,
  /** Issue 14: the flagship's workshop kit (decks, guide, handouts; EN and FR). */
  kitBuildMs: 3000,
  /** Issue 15: a million statements from a file load in a minute and report in ten seconds, in 1 GB. */
  pilotStatements: 1_000_000,
  pilotSyncMs: 60_000,
  pilotBuildMs: 10_000,
  pilotMemoryBytes: 1e9,
};

export const FLAGSHIP = 'un-migration-cca-cf';
/** The course that uses every block. */
export const SHOWCASE = 'showcase';

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const chars = (n: number) => `${n.toLocaleString('en')} chars`;

interface Budget {
  max: number;
  display: string;
}

const within = (max: number | undefined, format: (n: number) => string): Budget | undefined => (max === undefined ? undefined : { max, display: format(max) });

function row(figure: string, course: string, standard: string, value: number, display: string, budget?: Budget): Row {
  if (!budget) return { figure, course, standard, value, display };
  return { figure, course, standard, value, display, budget: budget.max, budgetDisplay: `≤ ${budget.display}`, verdict: value <= budget.max ? 'PASS' : 'OVER' };
}

function courseRows(c: CourseFigures): Row[] {
  const all = `${c.targets.length} targets × ${c.languages.length} lang`;
  const buildBudget = c.name === FLAGSHIP ? BUDGETS.flagshipBuildMs : c.pages === BUDGETS.largePages ? BUDGETS.largeBuildMs : undefined;
  const rows = [
    row('build wall time', c.name, all, c.build.wallMs, seconds(c.build.wallMs), within(buildBudget, seconds)),
    row('build CPU time (user+sys)', c.name, all, c.build.cpuMs, seconds(c.build.cpuMs)),
    row('build time per page', c.name, all, c.build.wallMs / c.pages, `${(c.build.wallMs / c.pages).toFixed(1)} ms (${c.pages} p)`),
    row('build peak memory', c.name, all, c.build.peakRssBytes, `${(c.build.peakRssBytes / 1e6).toFixed(0)} MB`),
  ];
  for (const [target, byLang] of Object.entries(c.zipBytes)) {
    const largest = Math.max(...Object.values(byLang));
    const budget = c.name === FLAGSHIP ? BUDGETS.flagshipZipBytes : undefined;
    rows.push(row('zip size (largest language)', c.name, target, largest, kb(largest), within(budget, kb)));
  }
  for (const [target, s] of Object.entries(c.suspendData)) {
    if (s.limit !== undefined) rows.push(row('suspend data worst case', c.name, target, s.worstCase, chars(s.worstCase), within(s.limit, chars)));
  }
  return rows;
}

function pilotRows(p: BenchResult['pilot']): Row[] {
  if (!p) return [];
  const scale = p.statements >= BUDGETS.pilotStatements;
  const what = `${p.statements.toLocaleString('en')} statements, ${p.learners.toLocaleString('en')} learners`;
  const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
  return [
    row('report sync --from NDJSON', what, 'report', p.sync.ms, seconds(p.sync.ms), scale ? within(BUDGETS.pilotSyncMs, seconds) : undefined),
    row('report sync CPU time (all threads)', what, 'report', p.sync.cpuMs, seconds(p.sync.cpuMs)),
    row('report sync peak memory', what, 'report', p.sync.peakRssBytes, mb(p.sync.peakRssBytes), scale ? within(BUDGETS.pilotMemoryBytes, mb) : undefined),
    row('report build', what, 'report', p.build.ms, seconds(p.build.ms), scale ? within(BUDGETS.pilotBuildMs, seconds) : undefined),
    row('report build CPU time (all threads)', what, 'report', p.build.cpuMs, seconds(p.build.cpuMs)),
    row('report build peak memory', what, 'report', p.build.peakRssBytes, mb(p.build.peakRssBytes), scale ? within(BUDGETS.pilotMemoryBytes, mb) : undefined),
  ];
}

/**
 * Growth: marginal CPU ms per page between the two largest synthetic sizes, over the same between the
 * two smallest. Fixed costs (Node start, templates, runtime bundles) cancel out and linear growth gives
 * ~1; CPU time, because wall time on a shared machine swings more than the ratio measures.
 */
function growthRow(courses: CourseFigures[]): Row[] {
  const sized = courses.filter((c) => c.name !== FLAGSHIP).sort((a, b) => a.pages - b.pages);
  if (sized.length < 3) return [];
  const marginal = (a: CourseFigures, b: CourseFigures) => (b.build.cpuMs - a.build.cpuMs) / (b.pages - a.pages);
  const small = marginal(sized[0]!, sized[1]!);
  const large = marginal(sized[sized.length - 2]!, sized[sized.length - 1]!);
  const ratio = large / small;
  const span = (a: CourseFigures, b: CourseFigures) => `${a.pages}→${b.pages}`;
  return [row('build cost growth (marginal CPU/page)', `synthetic ${sized.map((c) => c.pages).join('/')}`, 'all', ratio, `×${ratio.toFixed(2)} (${large.toFixed(1)} ms ${span(sized[sized.length - 2]!, sized[sized.length - 1]!)} vs ${small.toFixed(1)} ms ${span(sized[0]!, sized[1]!)})`, within(BUDGETS.growthRatio, (n) => `×${n}`))];
}

/** Every figure as a table row, with its budget and verdict where the issue sets one. */
export function judge(result: Omit<BenchResult, 'rows'>): Row[] {
  const rows = result.courses.flatMap(courseRows);
  rows.push(...growthRow(result.courses));
  for (const [target, w] of Object.entries(result.runtime)) {
    const budget = BUDGETS.runtimeGzipBytes[target];
    rows.push(row('runtime JS+CSS gzip', 'any', target, w.gzipBytes, kb(w.gzipBytes), within(budget, kb)));
  }
  const image = result.image;
  for (const v of image?.variants.filter((v) => v.width === 800) ?? []) {
    rows.push(row(`${image!.sourceWidth} px photo at 800 px (${v.format})`, 'any', 'all', v.bytes, `${kb(v.bytes)} (source ${kb(image!.sourceBytes)}, encoded in ${Math.round(image!.encodeMs)} ms)`, within(BUDGETS.image800Bytes, kb)));
  }
  const kit = result.kit;
  if (kit) {
    rows.push(row('workshop kit build wall time', kit.course, 'slides, guide, handouts', kit.wallMs, seconds(kit.wallMs), within(BUDGETS.kitBuildMs, seconds)));
    rows.push(row('workshop kit build CPU time (user+sys)', kit.course, 'slides, guide, handouts', kit.cpuMs, seconds(kit.cpuMs)));
    for (const f of kit.files.filter((f) => f.lang === kit.files[0]!.lang)) rows.push(row('workshop file size', kit.course, f.file, f.bytes, `${kb(f.bytes)} (${f.summary})`));
  }
  for (const [target, w] of Object.entries(result.blocksRuntime ?? {})) {
    rows.push(row('runtime JS+CSS gzip, every block', SHOWCASE, target, w.gzipBytes, kb(w.gzipBytes), within(BUDGETS.blocksRuntimeGzipBytes[target], kb)));
  }
  const launch = result.launch;
  for (const [target, l] of Object.entries(launch?.targets ?? {})) {
    const range = `${Math.round(Math.min(...l.samplesMs))}–${Math.round(Math.max(...l.samplesMs))}`;
    rows.push(row('launch to first heading', `${launch!.course} (${launch!.lang})`, target, l.medianMs, `${Math.round(l.medianMs)} ms (median of ${l.samplesMs.length}, ${range})`, within(BUDGETS.launchMs, (n) => `${n} ms`)));
  }
  const slow = result.slowLms;
  const ms = (n: number) => `${Math.round(n)} ms`;
  for (const [target, s] of Object.entries(slow?.targets ?? {})) {
    const lms = `${launch?.course ?? ''} (${slow!.callMs} ms/call LMS)`;
    rows.push(row('slow LMS: first heading', lms, target, s.headingMs, ms(s.headingMs), within(BUDGETS.slowHeadingMs, ms)));
    rows.push(row('slow LMS: page turn to paint', lms, target, s.turnMs, `${ms(s.turnMs)} (worst ${ms(s.worstTurnMs)})`, within(BUDGETS.slowTurnMs, ms)));
    rows.push(row('slow LMS: API calls per page turn', lms, target, s.callsPerTurn, s.callsPerTurn.toFixed(2), within(BUDGETS.slowCallsPerTurn, String)));
  }
  rows.push(...pilotRows(result.pilot));
  return rows;
}
