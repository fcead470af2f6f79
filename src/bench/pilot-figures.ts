import { promises as fs } from 'node:fs';
import path from 'node:path';
import { loadCourseFacts } from '../report/metrics/course-facts';
import { timedChild } from './child';
import type { PilotFigures } from './figures';
import { writeSyntheticStatements } from './synthetic-statements';

async function timed(args: string[]): Promise<{ ms: number; cpuMs: number; peakRssBytes: number }> {
  const { ms, report } = await timedChild<{ cpuMs: number; peakRssBytes: number }>('report-child', args, `coursepack ${args.join(' ')}`);
  return { ms, cpuMs: report.cpuMs, peakRssBytes: report.peakRssBytes };
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
