/**
 * A SCORM pilot: Moodle's Interactions report download (tests/fixtures/moodle/interactions.txt,
 * written from mod/scorm/report/interactions: tab-separated, Name, Email address, Attempt, Started
 * on, Last accessed on, Score, the SCO's column, then Question/Response/Right answer/Result n).
 * The test reads the fixture its own way and checks report.json against it.
 */
import { execFile } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PilotReport } from '../../src/report';
import { DEFAULT_COURSE } from '../lrs/packages';

const CLI = path.join(__dirname, '..', '..', 'bin', 'coursepack.js');
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'moodle', 'interactions.txt');
let work: string;

const cli = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => execFile('node', [CLI, ...args], { cwd: work }, (e, stdout, stderr) => resolve({ code: e ? Number(e.code ?? 1) : 0, stdout, stderr })));

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'coursepack-moodle-'));
});
afterAll(() => fs.rm(work, { recursive: true, force: true }));

interface Attempt {
  who: string;
  attempt: number;
  score: number | null;
  answers: Map<string, { response: string; result: string }>;
}

function attempts(): Attempt[] {
  const [head, ...lines] = readFileSync(FIXTURE, 'utf8').trim().split('\n').map((l) => l.split('\t'));
  return lines
    .filter((cells) => cells[2] !== '-')
    .map((cells) => {
      const answers = new Map<string, { response: string; result: string }>();
      for (let i = 7; i + 3 < head!.length + 1; i += 4) if (cells[i]) answers.set(cells[i]!, { response: cells[i + 1]!, result: cells[i + 3]! });
      return { who: cells[1]!, attempt: Number(cells[2]), score: cells[5] ? Number(cells[5]) : null, answers };
    });
}

test('a Moodle Interactions export becomes the same report as statements would', async () => {
  const synced = await cli(['report', 'sync', DEFAULT_COURSE, '--from', FIXTURE, '--db', 'moodle.duckdb', '--lang', 'en']);
  expect(synced.stderr).toBe('');
  expect(synced.code).toBe(0);
  const again = await cli(['report', 'sync', DEFAULT_COURSE, '--from', FIXTURE, '--db', 'moodle.duckdb', '--lang', 'en']);
  expect(again.stdout).toMatch(/^0 new statement\(s\)/m);
  const built = await cli(['report', 'build', DEFAULT_COURSE, '--db', 'moodle.duckdb', '--out', 'out', '--min-cell', '3']);
  expect(built.code).toBe(0);
  const report: PilotReport = JSON.parse(await fs.readFile(path.join(work, 'out', 'report.json'), 'utf8'));

  const all = attempts();
  const learners = [...new Set(all.map((a) => a.who))];
  const passedWho = learners.filter((w) => all.some((a) => a.who === w && (a.score ?? 0) >= 80));
  expect(report.learners).toEqual({ launched: learners.length, completed: passedWho.length, passed: passedWho.length });
  // First attempt per learner for item statistics.
  const first = learners.map((w) => all.filter((a) => a.who === w).sort((a, b) => a.attempt - b.attempt)[0]!);
  for (const id of ['quiz-01', 'quiz-02', 'quiz-03', 'quiz-04']) {
    const got = report.questions.find((q) => q.id === id)!;
    const answered = first.filter((a) => a.answers.has(id));
    expect(got.responses).toBe(answered.length);
    expect(got.facility).toBeCloseTo((100 * answered.filter((a) => a.answers.get(id)!.result === 'correct').length) / answered.length, 1);
  }
  const truefalse = report.questions.find((q) => q.id === 'quiz-03')!;
  expect(truefalse.options.map((o) => [o.id, o.count])).toEqual([
    ['true', first.filter((a) => a.answers.get('quiz-03')?.response === 't').length],
    ['false', first.filter((a) => a.answers.get('quiz-03')?.response === 'f').length],
  ]);
  // Final score: each learner's last attempt with a score.
  const finals = learners.map((w) => all.filter((a) => a.who === w && a.score !== null).sort((a, b) => b.attempt - a.attempt)[0]).filter(Boolean);
  expect(report.scores.n).toBe(finals.length);
  const likert = report.survey.find((s) => s.id === 'survey-01')!;
  const latest = learners.map((w) => all.filter((a) => a.who === w).sort((a, b) => b.attempt - a.attempt)[0]!.answers.get('survey-01')?.response).filter((r): r is string => !!r);
  expect(likert.n).toBe(latest.length);
  for (const d of likert.distribution) expect(d.count).toBe(latest.filter((r) => r === d.id).length);
  expect(JSON.stringify(report)).not.toMatch(/example\.org|Ana Lima/);
});

test('a file that is not a Moodle Interactions report is refused with its place and what to do', async () => {
  const bad = path.join(work, 'grades.csv');
  await fs.writeFile(bad, 'First name,Last name,Grade\nAna,Lima,90\n');
  const run = await cli(['report', 'sync', DEFAULT_COURSE, '--from', bad, '--db', 'bad.duckdb']);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/grades\.csv:1:1 {2}error: no "Attempt" and "Score" columns.*Interactions report.*\[report\/moodle-export\]/);
});

test('usage mistakes exit 2 and say what to do', async () => {
  const none = await cli(['report', 'sync', DEFAULT_COURSE, '--db', 'x.duckdb']);
  expect(none.code).toBe(2);
  expect(none.stderr).toMatch(/--lrs <endpoint>.*or --from <file>/);
  const noKey = await cli(['report', 'sync', DEFAULT_COURSE, '--lrs', 'http://127.0.0.1:9/xAPI/']);
  expect(noKey.code).toBe(2);
  const noDb = await cli(['report', 'build', DEFAULT_COURSE, '--db', 'missing.duckdb']);
  expect(noDb.code).toBe(2);
  expect(noDb.stderr).toMatch(/no database at missing\.duckdb/);
});
