import { build } from '../compiler';
import { ContentError, formatDiagnostics } from '../diagnostics';

/**
 * One full build in its own process (`node build/bench/build-child.js <course> <out>`), so the bench
 * times what a designer waits for, Node start-up and module loading included. Prints one JSON line.
 */
async function main(courseDir: string, outDir: string): Promise<void> {
  try {
    const result = await build(courseDir, outDir);
    const packages = result.packages.map((p, i) => ({ target: p.target, lang: p.lang, file: result.files[i], bytes: p.zip.length, suspendData: p.suspendData }));
    const model = result.models[0];
    const usage = process.resourceUsage();
    // maxRSS is in kilobytes, CPU times in microseconds.
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    process.stdout.write(JSON.stringify({ packages, pages: model?.pages.length ?? 0, questions: model?.questions.length ?? 0, cpuMs, peakRssBytes: usage.maxRSS * 1024 }) + '\n');
  } catch (error) {
    process.stderr.write(error instanceof ContentError ? formatDiagnostics(error.diagnostics) + '\n' : String((error as Error).stack ?? error) + '\n');
    process.exitCode = 1;
  }
}

const [courseDir, outDir] = process.argv.slice(2);
if (!courseDir || !outDir) {
  process.stderr.write('usage: build-child <course-dir> <out-dir>\n');
  process.exitCode = 2;
} else void main(courseDir, outDir);
