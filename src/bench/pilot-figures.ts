import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { loadCourseFacts } from '../report/metrics/course-facts';
import type { PilotFigures } from './figures';
import { writeSyntheticStatements } from './synthetic-statements';

function timed(args: string[]): Promise<{ ms: number; cpuMs: number; peakRssBytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(__dirname, 'report-child.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c));
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) return reject(new Error(`coursepack ${args.join(' ')} failed (exit ${code}):\n${err}`));
      const child = JSON.parse(out.trim().split('\n').pop()!) as { cpuMs: number; peakRssBytes: number };
      resolve({ ms, cpuMs: child.cpuMs, peakRssBytes: child.peakRssBytes });
    });
  });
}

/**
 * The pilot report at scale: `statements` synthetic statements of the flagship as one NDJSON
 * export, loaded by `coursepack report sync --from` and reported by `coursepack report build`, each
 * a cold process timed from spawn to exit.
 */
export async function measurePilotReport(courseDir: string, work: string, statements: number, log: (line: string) => void): Promise<PilotFigures> {
  await fs.mkdir(work, { recursive: true });
  const file = path.join(work, 'statements.ndjson');
  const db = path.join(work, 'pilot.duckdb');
  log(`writing ${statements.toLocaleString('en')} synthetic statements…`);
  const facts = await loadCourseFacts(courseDir);
  const made = await writeSyntheticStatements(file, facts, statements);
  const fileBytes = (await fs.stat(file)).size;
  log('report sync --from (NDJSON)…');
  const sync = await timed(['report', 'sync', courseDir, '--from', file, '--db', db]);
  log('report build…');
  const build = await timed(['report', 'build', courseDir, '--db', db, '--out', path.join(work, 'report')]);
  return { statements: made.statements, learners: made.learners, fileBytes, sync, build };
}
