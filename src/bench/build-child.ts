import { build } from '../compiler';
import { ContentError, formatDiagnostics } from '../diagnostics';
import type { BuildTargetId } from '../schema';

/**
 * One full build in its own process (`node build/bench/build-child.js <course> <out> [targets]`), so the bench
 * times what a designer waits for, Node start-up and module loading included. Prints one JSON line.
 */
async function main(courseDir: string, outDir: string, targets?: string): Promise<void> {
  try {
    const result = await build(courseDir, outDir, targets ? { targets: targets.split(',') as BuildTargetId[] } : {});
    const packages = result.packages.map((p, i) => ({ target: p.target, lang: p.lang, file: result.files[i], bytes: p.zip.length, suspendData: p.suspendData }));
    const documents = result.documents.map((d, i) => ({ target: d.target, lang: d.lang, file: result.files[result.packages.length + i], bytes: d.bytes.length, summary: d.summary }));
    const model = result.models[0];
    const usage = process.resourceUsage();
    // maxRSS is in kilobytes, CPU times in microseconds.
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    process.stdout.write(JSON.stringify({ packages, documents, pages: model?.pages.length ?? 0, questions: model?.questions.length ?? 0, cpuMs, peakRssBytes: usage.maxRSS * 1024 }) + '\n');
  } catch (error) {
    process.stderr.write(error instanceof ContentError ? formatDiagnostics(error.diagnostics) + '\n' : String((error as Error).stack ?? error) + '\n');
    process.exitCode = 1;
  }
}

const [courseDir, outDir, targets] = process.argv.slice(2);
if (!courseDir || !outDir) {
  process.stderr.write('usage: build-child <course-dir> <out-dir> [targets]\n');
  process.exitCode = 2;
} else void main(courseDir, outDir, targets);
