import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { PilotDatabase } from '../store/database';

export class ExportFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

export interface MoodleExportOptions {
  /** The course id, so the rows' object ids read like our packages' (<course>/questions/<id>). */
  courseId: string;
  /** Language of the SCORM package the activity ran (one package per language). */
  lang: string;
  /** Pass mark 0–100: Moodle shows a score instead of a status once there is one. */
  masteryScore?: number;
  identify?: boolean;
}

/** A deterministic statement id (UUID-shaped), so loading the same export twice adds nothing. */
const idFor = (...parts: string[]) => {
  const h = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

/** SCORM responses in xAPI's form: 1.2's "a,b" and "t"/"f" become "a[,]b" and "true"/"false". */
function normaliseResponse(value: string): string {
  if (value === 't' || value === '1') return 'true';
  if (value === 'f' || value === '0') return 'false';
  return value.includes('[,]') ? value : value.split(',').join('[,]');
}

function success(result: string): boolean | undefined {
  const r = result.trim().toLowerCase();
  if (r === 'correct') return true;
  if (r === 'wrong' || r === 'incorrect') return false;
  if (r !== '' && !isNaN(Number(r))) return Number(r) > 0;
  return undefined;
}

/** Moodle prints dates with userdate ("Thursday, 3 December 2026, 10:15 AM"); the weekday gets in the way. */
function moodleDate(text: string): number | undefined {
  const t = Date.parse(text.replace(/^[^,\d]+,\s*/, '').replace(/,/g, ''));
  return isNaN(t) ? undefined : t;
}

/**
 * Moodle's SCORM "Interactions report" downloaded as text (mod/scorm/report/interactions: one row
 * per learner and attempt; Name, identity fields, Attempt, Started on, Last accessed on, Score, one
 * column per SCO, then Question n / Response n / Right answer n / Result n for each interaction).
 * Its "CSV" download is tab-separated; a comma-separated file is read too. Column names must be
 * Moodle's English ones (download with the site in English). Rows become statements, so one set of
 * report queries serves xAPI and SCORM pilots.
 */
export async function syncFromMoodleExport(db: PilotDatabase, file: string, options: MoodleExportOptions): Promise<{ added: number; rows: number }> {
  const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes('\t') ? '\t' : ',';
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new ExportFormatError(file, e.lines ?? 1, `not a readable Moodle export: ${e.message}`, 'download the Interactions report again with "Download in text format" or CSV');
  }
  const header = rows[0] ?? [];
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  const attempt = col('Attempt');
  const started = col('Started on');
  const score = col('Score');
  if (attempt < 0 || score < 0) {
    throw new ExportFormatError(file, 1, `no "Attempt" and "Score" columns: this is not Moodle's SCORM Interactions report`, 'in Moodle open the SCORM activity → Reports → Interactions report, tick "Response", "Right answer" and "Result", and download it with the site language set to English');
  }
  const email = col('Email address');
  const questions: { id: number; response: number; result: number }[] = [];
  header.forEach((h, i) => {
    const m = /^Question (\d+)$/.exec(h.trim());
    if (m) questions.push({ id: i, response: col(`Response ${m[1]}`), result: col(`Result ${m[1]}`) });
  });
  if (!questions.length) {
    throw new ExportFormatError(file, 1, 'the export has no "Question n" columns', 'tick "Question" (and "Response", "Result") in the report options before downloading');
  }
  const scoColumns = header.map((_, i) => i).filter((i) => i > score && !questions.some((q) => q.id === i || q.response === i || q.result === i) && !/^(Right answer) \d+$/.test(header[i]!.trim()));
  const fallbackTime = (await fs.stat(file)).mtimeMs;
  const appender = await db.connection.createAppender('incoming');
  let count = 0;
  rows.slice(1).forEach((row, r) => {
    const n = row[attempt]?.trim() ?? '';
    if (!n || n === '-') return; // a learner with no attempt
    const who = (email >= 0 ? row[email] : row[0])?.trim() ?? `row ${r + 2}`;
    const actor = { objectType: 'Agent', ...(options.identify ? { name: row[0]?.trim() } : {}), account: { homePage: 'https://moodle.invalid/user', name: who } };
    const base = (started >= 0 ? moodleDate(row[started] ?? '') : undefined) ?? fallbackTime;
    // Attempts keep their order even when the dates cannot be read.
    let clock = base + Number(n) * 1000;
    const emit = (verb: string, objectId: string, result?: Record<string, unknown>) => {
      const timestamp = new Date(clock++).toISOString();
      const statement = {
        id: idFor(file, who, n, verb, objectId),
        actor,
        verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
        object: { id: objectId },
        context: { registration: idFor('registration', who, n), language: options.lang },
        ...(result ? { result } : {}),
        timestamp,
        stored: timestamp,
      };
      appender.appendVarchar(JSON.stringify(statement));
      appender.endRow();
      count++;
    };
    const course = `moodle:${options.courseId}`;
    emit('launched', course);
    for (const q of questions) {
      const id = row[q.id]?.trim();
      if (!id) continue;
      const ok = q.result >= 0 ? success(row[q.result] ?? '') : undefined;
      emit('answered', `${course}/questions/${encodeURIComponent(id)}`, { response: normaliseResponse(row[q.response]?.trim() ?? ''), ...(ok === undefined ? {} : { success: ok }) });
    }
    const raw = Number((row[score] ?? '').trim());
    const status = scoColumns.map((i) => (row[i] ?? '').trim().toLowerCase()).find((s) => s && s !== '-') ?? '';
    const scaled = Number.isFinite(raw) && (row[score] ?? '').trim() !== '' ? raw / 100 : undefined;
    const passed = status.startsWith('passed') || (scaled !== undefined && options.masteryScore !== undefined && scaled * 100 >= options.masteryScore);
    const failed = status.startsWith('failed') || (scaled !== undefined && options.masteryScore !== undefined && !passed);
    if (passed || status.startsWith('completed')) emit('completed', course);
    if (passed || failed) emit(passed ? 'passed' : 'failed', course, scaled === undefined ? undefined : { score: { scaled } });
  });
  appender.closeSync();
  return { added: await db.absorbIncoming(!!options.identify), rows: count };
}
