import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../compiler';
import { ContentError, formatDiagnostics } from '../diagnostics';
import { SourceNotFound } from '../compiler/load/source';
import { targetIds, type TargetId } from '../schema';
import { formatBytes } from './format';
import { formatObjectivesReport } from './objectives-report';

const list = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter(Boolean);

/** Course folders under ./courses: the default when no folder is given. */
async function defaultCourses(): Promise<string[]> {
  const root = path.resolve('courses');
  const entries = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
  const dirs = [];
  for (const e of entries) {
    if (e.isDirectory() && (await fs.stat(path.join(root, e.name, 'course.yaml')).catch(() => undefined))) dirs.push(path.join('courses', e.name));
  }
  return dirs.sort();
}

export async function runBuild(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { target: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string', default: 'dist' }, 'bundle-languages': { type: 'boolean', default: false }, 'report-objectives': { type: 'boolean', default: false } } });
  const targets = list(values.target);
  const unknown = targets?.filter((t) => !(targetIds as readonly string[]).includes(t));
  if (unknown?.length) {
    err.write(`coursepack build: unknown target "${unknown.join('", "')}" (choose from ${targetIds.join(', ')})\n`);
    return 2;
  }
  const courses = positionals.length ? positionals : await defaultCourses();
  if (courses.length === 0) {
    err.write('coursepack build: no course folder given and none found in ./courses (run "coursepack init my-course" to start one)\n');
    return 2;
  }
  let failed = false;
  for (const dir of courses) {
    const started = Date.now();
    try {
      const result = await build(dir, values.out, { targets: targets as TargetId[] | undefined, languages: list(values.lang), bundleLanguages: values['bundle-languages'] });
      if (result.diagnostics.length) err.write(formatDiagnostics(result.diagnostics) + '\n');
      out.write(`${dir}: ${result.packages.length} package(s) in ${Date.now() - started} ms\n`);
      result.packages.forEach((pkg, i) => {
        const limit = pkg.suspendData.limit ? ` / ${pkg.suspendData.limit}` : '';
        out.write(`  ${path.relative(process.cwd(), result.files[i]!)}  ${formatBytes(pkg.zip.length)}  bookmark worst case ${pkg.suspendData.worstCase}${limit} chars\n`);
      });
      // Ids and question links are the same in every language: one table, in the first built language.
      if (values['report-objectives'] && result.models[0]) out.write(formatObjectivesReport(result.models[0]));
    } catch (error) {
      if (error instanceof ContentError) {
        err.write(`${formatDiagnostics(error.diagnostics)}\n${dir}: ${error.message}; no package written\n`);
      } else if (error instanceof SourceNotFound) {
        err.write(`coursepack build: ${error.message}\n`);
      } else throw error;
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
