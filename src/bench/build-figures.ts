import path from 'node:path';
import { timedChild } from './child';
import type { CourseFigures, KitFigures } from './figures';

interface ChildReport {
  packages: { target: string; lang: string; file: string; bytes: number; suspendData: { worstCase: number; limit?: number } }[];
  documents: KitFigures['files'];
  pages: number;
  questions: number;
  cpuMs: number;
  peakRssBytes: number;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Spawns one cold build and times it from spawn to exit. */
const coldBuild = (courseDir: string, outDir: string, targets?: string) =>
  timedChild<ChildReport>('build-child', [courseDir, outDir, ...(targets ? [targets] : [])], `build of ${courseDir}`);

/** Builds a course `runs` times, each in a fresh process; zip sizes come from the last (builds are reproducible). */
export async function measureBuild(name: string, courseDir: string, outDir: string, runs: number): Promise<CourseFigures> {
  const samples: number[] = [];
  const cpu: number[] = [];
  let peak = 0;
  let last: ChildReport | undefined;
  for (let i = 0; i < runs; i++) {
    const { ms, report } = await coldBuild(courseDir, path.join(outDir, String(i)));
    samples.push(ms);
    cpu.push(report.cpuMs);
    peak = Math.max(peak, report.peakRssBytes);
    last = report;
  }
  const zipBytes: CourseFigures['zipBytes'] = {};
  const suspendData: CourseFigures['suspendData'] = {};
  for (const p of last!.packages) {
    (zipBytes[p.target] ??= {})[p.lang] = p.bytes;
    suspendData[p.target] = p.suspendData;
  }
  return {
    name,
    pages: last!.pages,
    questions: last!.questions,
    languages: [...new Set(last!.packages.map((p) => p.lang))],
    targets: Object.keys(zipBytes),
    build: { wallMs: median(samples), samplesMs: samples, cpuMs: Math.min(...cpu), peakRssBytes: peak },
    zipBytes,
    suspendData,
    zipFiles: Object.fromEntries(last!.packages.filter((p) => p.lang === last!.packages[0]!.lang).map((p) => [p.target, p.file])),
  };
}

/** Builds the workshop kit (slides, guide, handouts) `runs` times, each in a fresh process. */
export async function measureKit(name: string, courseDir: string, outDir: string, runs: number): Promise<KitFigures> {
  const samples: number[] = [];
  const cpu: number[] = [];
  let files: KitFigures['files'] = [];
  for (let i = 0; i < runs; i++) {
    const { ms, report } = await coldBuild(courseDir, path.join(outDir, String(i)), 'slides,guide,handouts');
    samples.push(ms);
    cpu.push(report.cpuMs);
    files = report.documents;
  }
  return { course: name, wallMs: median(samples), samplesMs: samples, cpuMs: Math.min(...cpu), files: files.map((f) => ({ ...f, file: path.basename(f.file) })) };
}
