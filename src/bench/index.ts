import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FLAGSHIP, SHOWCASE, judge } from './budgets';
import { measureBuild, measureKit } from './build-figures';
import type { BenchResult, CourseFigures, LaunchFigures, Machine, RuntimeWeight, SlowLmsFigures } from './figures';
import { measureImage } from './image-figures';
import { chromiumPath, launchChromium, measureLaunch } from './launch';
import { measurePilotReport } from './pilot-figures';
import { runtimeWeight } from './runtime-weight';
import { measureSlowLms } from './slow-lms';
import { generateSyntheticCourse } from './synthetic-course';

export { generateSyntheticCourse } from './synthetic-course';
export { formatTable } from './report';
export type { BenchResult } from './figures';

export const FLAGSHIP_DIR = path.join(__dirname, '..', '..', 'courses', FLAGSHIP);
const SHOWCASE_DIR = path.join(__dirname, '..', '..', 'courses', SHOWCASE);

export interface BenchOptions {
  flagship: boolean;
  /** Synthetic course sizes, in pages. */
  sizes: number[];
  /** Cold builds per course; the median is kept. */
  buildRuns: number;
  /** Launches per standard after a warm-up; 0 leaves launch out. */
  launchRuns: number;
  /** Synthetic statements for the pilot report's scale figures; 0 leaves them out. */
  pilotStatements: number;
  /** Progress lines go here (stderr), so stdout holds only the table or the JSON. */
  log: (line: string) => void;
}

function machine(): Machine {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, memoryGB: Math.round(os.totalmem() / 1e9), os: `${os.type()} ${os.release()}`, node: process.version, loadAverage: os.loadavg()[0] ?? 0 };
}

/** Builds the flagship and the synthetic courses, weighs the runtime, times launches; nothing is kept. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = new Date().toISOString();
  const info = machine();
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'coursepack-bench-'));
  try {
    const courses: CourseFigures[] = [];
    const sources: [string, string][] = options.flagship ? [[FLAGSHIP, FLAGSHIP_DIR], [SHOWCASE, SHOWCASE_DIR]] : [];
    for (const pages of options.sizes) {
      const dir = path.join(work, 'courses', `synthetic-${pages}`);
      await generateSyntheticCourse(dir, pages);
      sources.push([`synthetic-${pages}`, dir]);
    }
    for (const [name, dir] of sources) {
      options.log(`building ${name} ×${options.buildRuns}…`);
      courses.push(await measureBuild(name, dir, path.join(work, 'out', name), options.buildRuns));
    }
    // The runtime of a course without blocks: weighed in the first course's packages (the flagship).
    const first = courses[0];
    if (!first) throw new Error('nothing to bench: give the flagship or at least one size');
    const runtime: Record<string, RuntimeWeight> = {};
    for (const [target, file] of Object.entries(first.zipFiles)) runtime[target] = await runtimeWeight(file);
    const showcase = courses.find((c) => c.name === SHOWCASE);
    const blocksRuntime: Record<string, RuntimeWeight> = {};
    for (const [target, file] of Object.entries(showcase?.zipFiles ?? {})) blocksRuntime[target] = await runtimeWeight(file);
    const { launch, slowLms } = await timeLaunch(first, options, info);
    options.log('encoding a 1280 px photo…');
    const image = await measureImage();
    let kit;
    if (options.flagship) {
      options.log(`building the workshop kit of ${FLAGSHIP} ×${options.buildRuns}…`);
      kit = await measureKit(FLAGSHIP, FLAGSHIP_DIR, path.join(work, 'kit'), options.buildRuns);
    }
    const pilot = options.pilotStatements > 0 ? await measurePilotReport(FLAGSHIP_DIR, path.join(work, 'pilot'), options.pilotStatements, options.log) : undefined;
    const partial = { date: started, machine: info, courses, runtime, ...(showcase ? { blocksRuntime } : {}), launch, slowLms, image, kit, pilot };
    return { ...partial, rows: judge(partial) };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** Launch timing, and SCORM under a slow LMS (fewer runs: each one turns several pages). */
async function timeLaunch(course: CourseFigures, options: BenchOptions, info: Machine): Promise<{ launch?: LaunchFigures; slowLms?: SlowLmsFigures }> {
  const lang = course.languages[0]!;
  if (options.launchRuns <= 0) return {};
  const executable = chromiumPath();
  if (!executable) return { launch: { course: course.name, lang, targets: {}, skipped: 'Chromium not found (node scripts/ensure-system-packages.js installs it)' } };
  options.log(`launching ${course.name} (${lang}) in Chromium, ${options.launchRuns} runs per standard…`);
  const browser = await launchChromium(executable);
  try {
    info.chromium = browser.version();
    const launch = await measureLaunch(browser, course.name, lang, course.zipFiles, options.launchRuns);
    const slowRuns = Math.min(options.launchRuns, 3);
    options.log(`SCORM under a slow LMS (100 ms per call), ${slowRuns} runs per standard…`);
    return { launch, slowLms: await measureSlowLms(browser, course.zipFiles, slowRuns) };
  } finally {
    await browser.close();
  }
}
