import { promises as fs } from 'node:fs';
import path from 'node:path';
import { computeReport, type ReportOptions } from './metrics/compute';
import { loadCourseFacts } from './metrics/course-facts';
import type { PilotReport } from './metrics/report-data';
import { chartSpecs, renderSvgs } from './render/charts';
import { reportCsvs } from './render/csv';
import { reportHtml } from './render/html';
import { PilotDatabase } from './store/database';

export { PilotDatabase } from './store/database';
export { syncFromLrs, SyncInterrupted, type LrsSource, type SyncProgress } from './sync/lrs';
export { syncFromStatementFile } from './sync/statement-file';
export { syncFromMoodleExport } from './sync/moodle-export';
export type { PilotReport } from './metrics/report-data';

export interface BuildReportOptions extends ReportOptions {
  lang?: string;
}

/**
 * course + database → report.html, report.json and one CSV per table in `outDir`. Everything is
 * computed first and written last, each file through a temporary name, so a failure leaves the
 * previous report as it was.
 */
export async function buildReport(courseDir: string, db: PilotDatabase, outDir: string, options: BuildReportOptions = {}): Promise<{ report: PilotReport; files: string[] }> {
  const facts = await loadCourseFacts(courseDir, options.lang);
  const report = await computeReport(db, facts, options);
  const charts = await renderSvgs(chartSpecs(report));
  const files: Record<string, string> = {
    'report.html': await reportHtml(report, charts),
    'report.json': `${JSON.stringify(report, null, 2)}\n`,
    ...reportCsvs(report),
  };
  await fs.mkdir(outDir, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(outDir, name);
    await fs.writeFile(`${target}.${process.pid}.tmp`, text);
    written.push(target);
  }
  for (const target of written) await fs.rename(`${target}.${process.pid}.tmp`, target);
  return { report, files: written };
}
