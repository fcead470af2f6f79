import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ContentError, formatDiagnostics } from '../diagnostics';
import { buildReport, PilotDatabase, syncFromLrs, syncFromMoodleExport, syncFromStatementFile, SyncInterrupted } from '../report';
import { loadCourseFacts } from '../report/metrics/course-facts';
import { ExportFormatError } from '../report/sync/moodle-export';
import { EXIT, parseCommand, UsageError, type CommandSpec, type Streams } from './args';

/** The course folder: the one given, else the current folder when it holds course.yaml. */
async function courseDir(given: string | undefined): Promise<string> {
  if (given) return given;
  if (await fs.stat('course.yaml').catch(() => undefined)) return '.';
  throw new UsageError('name the course folder (the report reads its pages, questions and answers from it)');
}

const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

export const reportCommand: CommandSpec = {
  name: 'report',
  synopsis: '[sync|build] [course-dir] (--lrs <endpoint> --key <k> --secret <s> | --from <file>) [--db pilot.duckdb] [--out report]',
  summary: 'the pilot report: LRS statements or a Moodle SCORM export → report.html, report.json and CSVs (item analysis, drop-off, survey)',
  description: [
    '  coursepack report sync  [course-dir] --lrs <endpoint> --key <k> --secret <s> [--activity <IRI>]   pull statements into the database',
    '  coursepack report sync  [course-dir] --from <statements.json|.ndjson|moodle-interactions.txt|.csv>',
    '  coursepack report build [course-dir] [--db pilot.duckdb] [--out report]                           write the report',
    '  coursepack report       [course-dir] --lrs … | --from …                                           both',
    'A second sync fetches only what is new; an interrupted one resumes where it stopped (exit 1 until it finishes).',
    'Learners are pseudonymised unless --identify is given at sync; breakdowns with fewer than --min-cell learners are left out.',
  ].join('\n'),
  options: {
    lrs: { type: 'string', value: 'endpoint', description: 'xAPI endpoint of the LRS to read' },
    key: { type: 'string', value: 'key', description: 'LRS key (Basic auth user) with read access' },
    secret: { type: 'string', value: 'secret', description: 'LRS secret' },
    activity: { type: 'string', value: 'IRI', description: "only statements about this activity (default: the course's xAPI activity id)" },
    from: { type: 'string', value: 'file', description: 'load a JSON/NDJSON statement export or a Moodle Interactions report (.txt/.csv) instead' },
    db: { type: 'string', value: 'file', default: 'pilot.duckdb', description: 'the database file' },
    out: { type: 'string', value: 'dir', default: 'report', description: 'where report.html, report.json and the CSVs go' },
    lang: { type: 'string', value: 'code', description: "course language for titles (and of a Moodle export's package)" },
    'min-cell': { type: 'string', value: 'n', default: '5', description: 'smallest number of learners a breakdown shows' },
    identify: { type: 'boolean', default: false, description: 'keep learner names in the database (off: pseudonyms only)' },
  },
  run: (args, streams) => runReport(args, streams),
};

async function runReport(args: string[], { out, err }: Streams): Promise<number> {
  const { values, positionals } = parseCommand(reportCommand, args);
  const [first, ...rest] = positionals;
  const step = first === 'sync' || first === 'build' ? first : 'both';
  const dir = await courseDir(step === 'both' ? first : rest[0]);
  const lrs = text(values.lrs);
  const from = text(values.from);
  const dbFile = text(values.db)!;
  const outDir = text(values.out)!;
  const lang = text(values.lang);
  const minCell = Number(values['min-cell']);
  const identify = values.identify === true;
  if (!Number.isInteger(minCell) || minCell < 1) throw new UsageError('--min-cell takes a whole number of learners, 1 or more');
  if (step !== 'build' && !lrs && !from) throw new UsageError('say where the statements come from: --lrs <endpoint> (with --key and --secret) or --from <file>');
  if (lrs && (!values.key || !values.secret)) throw new UsageError('--lrs needs --key and --secret (LRS credentials with read access)');
  if (step === 'build' && !(await fs.stat(dbFile).catch(() => undefined))) throw new UsageError(`no database at ${dbFile}: run "coursepack report sync" first, or give --db`);
  let db: PilotDatabase | undefined;
  try {
    const facts = await loadCourseFacts(dir, lang);
    db = await PilotDatabase.open(dbFile);
    if (step !== 'build') {
      const started = Date.now();
      let added: number;
      if (lrs) {
        const progress = await syncFromLrs(db, { endpoint: lrs, key: text(values.key)!, secret: text(values.secret)!, activity: text(values.activity) ?? facts.activityId, identify });
        added = progress.added;
        out.write(`fetched ${progress.fetched} statement(s) in ${progress.requests} request(s)\n`);
      } else if (/\.(txt|csv|tsv)$/i.test(from!)) {
        added = (await syncFromMoodleExport(db, from!, { courseId: facts.id, lang: lang ?? facts.lang, masteryScore: facts.masteryScore, identify })).added;
      } else {
        added = (await syncFromStatementFile(db, from!, identify)).added;
      }
      out.write(`${added} new statement(s), ${await db.count()} in ${dbFile} (${Date.now() - started} ms)\n`);
    }
    if (step !== 'sync') {
      const started = Date.now();
      const { report, files } = await buildReport(dir, db, outDir, { lang, minCell });
      out.write(`report: ${report.learners.launched} learner(s), ${report.statements} statement(s) → ${path.join(outDir, 'report.html')} and ${files.length - 1} more file(s) (${Date.now() - started} ms)\n`);
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof SyncInterrupted) {
      err.write(`coursepack report sync: ${error.message}\n  ${error.progress.added} new statement(s) were kept; run the same command again to resume from there.\n`);
      return EXIT.content;
    }
    if (error instanceof ExportFormatError) {
      err.write(`${error.file}:${error.line}:1  error: ${error.message}  (${error.hint})  [report/moodle-export]\n`);
      return EXIT.content;
    }
    if (error instanceof ContentError) {
      err.write(`${formatDiagnostics(error.diagnostics)}\n`);
      return EXIT.content;
    }
    throw error;
  } finally {
    db?.close();
  }
}
