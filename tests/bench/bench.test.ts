/**
 * The bench is a benchmark, not a test: here it only has to run, on the 10-page course, and print
 * its table and JSON in the expected shape. No timing is judged.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { formatTable, type BenchResult } from '../../src/bench';
import { generateSyntheticCourse, SYNTHETIC_TYPES } from '../../src/bench/synthetic-course';
import { compile } from '../../src/compiler';
import { writers } from '../../src/compiler/package';

jest.setTimeout(180000);

const ROOT = path.join(__dirname, '..', '..');
const targets = Object.keys(writers);
let work: string;

beforeAll(async () => {
  work = await fs.mkdtemp(path.join(os.tmpdir(), 'coursepack-bench-test-'));
});

afterAll(() => fs.rm(work, { recursive: true, force: true }));

describe('synthetic course', () => {
  test('10 pages: builds every target, and the SCORM 1.2 worst case fits', async () => {
    const dir = path.join(work, 'ten');
    expect(await generateSyntheticCourse(dir, 10)).toEqual({ pages: 10, questions: 2 });
    const { models, packages } = await compile(dir);
    expect(models[0]!.pages).toHaveLength(10);
    expect(models[0]!.quiz?.questionIds).toHaveLength(1);
    expect(packages.map((p) => p.target).sort()).toEqual([...targets].sort());
    const scorm12 = packages.find((p) => p.target === 'scorm12')!;
    expect(scorm12.suspendData.worstCase).toBeLessThanOrEqual(scorm12.suspendData.limit!);
  });

  test('a question every 5 pages cycles through every type, lessons of 10 pages', async () => {
    const dir = path.join(work, 'forty');
    await generateSyntheticCourse(dir, 40);
    const model = (await compile(dir, { targets: ['web'] })).models[0]!;
    expect(model.questions.map((q) => q.pageId)).toEqual([5, 10, 15, 20, 25, 30, 35, 40].map((n) => `p${String(n).padStart(4, '0')}`));
    expect(new Set(model.questions.map((q) => q.spec.type))).toEqual(new Set(SYNTHETIC_TYPES));
    expect(model.questions.find((q) => q.spec.type === 'fill-in')?.shape).toEqual({ kind: 'text', maxLength: 20 });
    expect(model.lessons.map((l) => l.pageIds.length)).toEqual([10, 10, 10, 9, 1]);
  });
});

describe('npm run bench on the 10-page course', () => {
  let result: BenchResult;

  beforeAll(async () => {
    const args = ['scripts/bench.js', '--json', '--sizes', '10', '--no-flagship', '--runs', '1', '--launch-runs', '1', '--pilot-statements', '2000'];
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 24 });
    result = JSON.parse(stdout) as BenchResult;
  });

  test('JSON: machine, build, zip and suspend-data figures for every registered target', () => {
    expect(result.machine).toEqual(expect.objectContaining({ cpu: expect.any(String), cores: expect.any(Number), node: process.version }));
    const [course, ...others] = result.courses;
    expect(others).toEqual([]);
    expect(course).toEqual(expect.objectContaining({ name: 'synthetic-10', pages: 10, questions: 2, languages: ['en'] }));
    expect(course!.build.wallMs).toBeGreaterThan(0);
    expect(course!.build.peakRssBytes).toBeGreaterThan(0);
    expect(Object.keys(course!.zipBytes).sort()).toEqual([...targets].sort());
    expect(Object.keys(result.runtime).sort()).toEqual([...targets].sort());
    expect(course!.suspendData.scorm12).toEqual({ worstCase: expect.any(Number), limit: 4096 });
  });

  test('the pilot report is loaded and built from generated statements, each in its own process', () => {
    expect(result.pilot).toEqual(expect.objectContaining({ statements: 2000, learners: expect.any(Number), fileBytes: expect.any(Number) }));
    for (const step of [result.pilot!.sync, result.pilot!.build]) {
      expect(step.ms).toBeGreaterThan(0);
      expect(step.peakRssBytes).toBeGreaterThan(0);
    }
    const rows = result.rows.filter((r) => r.standard === 'report');
    expect(rows.map((r) => r.figure)).toEqual(['report sync --from NDJSON', 'report sync CPU time (all threads)', 'report sync peak memory', 'report build', 'report build CPU time (all threads)', 'report build peak memory']);
    // The budgets are for a million statements: a smaller run is shown, not judged.
    expect(rows.every((r) => r.verdict === undefined)).toBe(true);
  });

  test('launch is timed for every registered target', () => {
    expect(result.launch?.skipped).toBeUndefined();
    for (const target of targets) expect(result.launch!.targets[target]!.medianMs).toBeGreaterThan(0);
  });

  test('every budgeted row has a verdict; the table prints one line per row', () => {
    for (const row of result.rows) {
      expect(row.display).not.toBe('');
      if (row.budget !== undefined) expect(['PASS', 'OVER']).toContain(row.verdict);
    }
    expect(result.rows.find((r) => r.figure === 'suspend data worst case' && r.standard === 'scorm12')?.verdict).toBe('PASS');
    expect(result.rows.find((r) => r.figure === '1280 px photo at 800 px (webp)')?.verdict).toBe('PASS');
    const lines = formatTable(result).split('\n');
    expect(lines[1]).toMatch(/^figure\s+course\s+standard\s+value\s+budget\s+result$/);
    expect(lines.slice(3, 3 + result.rows.length).every((l) => /synthetic-10|any|statements/.test(l))).toBe(true);
    expect(lines).toContainEqual(expect.stringMatching(/^\d+ PASS, \d+ OVER/));
  });
});
