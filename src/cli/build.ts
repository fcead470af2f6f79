import { promises as fs } from 'node:fs';
import path from 'node:path';
import { build, UnknownLanguageError, type CompileResult } from '../compiler';
import { SourceNotFound } from '../compiler/load/source';
import { ContentError, formatDiagnostics, type Diagnostic } from '../diagnostics';
import { buildTargetIds, type BuildTargetId } from '../schema';
import { listOption, parseCommand, UsageError, unknownChoice, type CommandSpec } from './args';
import { formatBytes } from './format';
import { formatObjectivesReport } from './objectives-report';

const isCourse = async (dir: string) => !!(await fs.stat(path.join(dir, 'course.yaml')).catch(() => undefined));

/** The courses to build when no folder is given: this folder if it is one, else every course in ./courses. */
export async function defaultCourses(): Promise<string[]> {
  if (await isCourse('.')) return ['.'];
  const entries = await fs.readdir('courses', { withFileTypes: true }).catch(() => []);
  const dirs = [];
  for (const e of entries) if (e.isDirectory() && (await isCourse(path.join('courses', e.name)))) dirs.push(path.join('courses', e.name));
  return dirs.sort();
}

interface CourseOutcome {
  course: string;
  ok: boolean;
  ms: number;
  packages: { file: string; target: string; lang: string; bytes: number; bookmark: { worstCase: number; limit?: number } }[];
  /** The workshop kit's decks and documents, when --target asks for them. */
  documents: { file: string; target: string; lang: string; bytes: number; summary: string }[];
  diagnostics: Diagnostic[];
  error?: string;
}

function outcome(dir: string, started: number, result?: CompileResult & { files: string[] }): CourseOutcome {
  return {
    course: dir,
    ok: !!result,
    ms: Date.now() - started,
    packages: (result?.packages ?? []).map((pkg, i) => ({ file: path.relative(process.cwd(), result!.files[i]!), target: pkg.target, lang: pkg.lang, bytes: pkg.zip.length, bookmark: pkg.suspendData })),
    documents: (result?.documents ?? []).map((doc, i) => ({ file: path.relative(process.cwd(), result!.files[result!.packages.length + i]!), target: doc.target, lang: doc.lang, bytes: doc.bytes.length, summary: doc.summary })),
    diagnostics: result?.diagnostics ?? [],
  };
}

function printText(o: CourseOutcome, out: NodeJS.WritableStream, err: NodeJS.WritableStream): void {
  if (o.diagnostics.length) err.write(formatDiagnostics(o.diagnostics) + '\n');
  if (o.error) {
    err.write(`${o.course}: ${o.error}\n`);
    return;
  }
  const kit = o.documents.length ? ` and ${o.documents.length} workshop file(s)` : '';
  out.write(`${o.course}: ${o.packages.length} package(s)${kit} in ${o.ms} ms\n`);
  for (const p of o.packages) {
    const limit = p.bookmark.limit ? ` / ${p.bookmark.limit}` : '';
    out.write(`  ${p.file}  ${formatBytes(p.bytes)}  bookmark worst case ${p.bookmark.worstCase}${limit} chars\n`);
  }
  for (const d of o.documents) out.write(`  ${d.file}  ${formatBytes(d.bytes)}  ${d.summary}\n`);
}

export const buildCommand: CommandSpec = {
  name: 'build',
  synopsis: '[course-dir…] [--target scorm12,scorm2004,xapi,cmi5,web,slides,guide,handouts] [--lang en,fr] [--out dist] [--bundle-languages] [--report-objectives] [--json]',
  summary: 'builds one zip per language per target; with no folder, this folder if it holds a course.yaml, else every course in ./courses',
  description: 'Nothing is written when a course has errors: every problem is printed as file:line:col with a hint and a rule id.',
  options: {
    target: { type: 'string', value: 'list', description: `targets to build, comma-separated: ${buildTargetIds.join(', ')} (default: the course's own list; the workshop kit's slides, guide and handouts only when named)` },
    lang: { type: 'string', value: 'list', description: 'languages to build, comma-separated (default: every language of the course)' },
    out: { type: 'string', value: 'dir', default: 'dist', description: 'folder for the zips and workshop files' },
    'bundle-languages': { type: 'boolean', default: false, description: 'one zip per target with every language behind a language picker' },
    json: { type: 'boolean', default: false, description: 'print packages and diagnostics as JSON on stdout (for CI)' },
    'report-objectives': { type: 'boolean', default: false, description: 'print which questions assess each learning objective' },
  },
  async run(args, { out, err }) {
    const { values, positionals } = parseCommand(buildCommand, args);
    const targets = listOption('target', values.target, buildTargetIds) as BuildTargetId[] | undefined;
    const languages = typeof values.lang === 'string' ? values.lang.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
    if (languages?.length === 0) throw new UsageError('--lang needs a value, e.g. --lang en,fr');
    const courses = positionals.length ? positionals : await defaultCourses();
    if (courses.length === 0) throw new UsageError('no course folder given, and neither ./course.yaml nor a course in ./courses exists (run "coursepack init my-course" to start one)');
    const outcomes: CourseOutcome[] = [];
    for (const dir of courses) {
      const started = Date.now();
      let o: CourseOutcome;
      let report = '';
      try {
        const result = await build(dir, values.out as string, { targets, languages, bundleLanguages: values['bundle-languages'] as boolean });
        o = outcome(dir, started, result);
        // Ids and question links are the same in every language: one table, in the first built language.
        if (values['report-objectives'] && result.models[0]) report = formatObjectivesReport(result.models[0]);
      } catch (error) {
        if (error instanceof UnknownLanguageError) throw new UsageError(`${dir}: ${unknownChoice('lang', error.unknown, error.choices)}`);
        if (error instanceof SourceNotFound) throw new UsageError(error.message);
        if (!(error instanceof ContentError)) throw error;
        o = { ...outcome(dir, started), diagnostics: error.diagnostics, error: `${error.message}; no package written` };
      }
      outcomes.push(o);
      if (!values.json) printText(o, out, err);
      if (!values.json && report) out.write(report);
    }
    const ok = outcomes.every((o) => o.ok);
    if (values.json) out.write(`${JSON.stringify({ ok, courses: outcomes }, null, 2)}\n`);
    return ok ? 0 : 1;
  },
};
