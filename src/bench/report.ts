import type { BenchResult } from './figures';

export function machineLine(r: Pick<BenchResult, 'date' | 'machine'>): string {
  const m = r.machine;
  return `${r.date.slice(0, 10)} · ${m.cpu} × ${m.cores} · ${m.memoryGB} GB · ${m.os} · Node ${m.node}${m.chromium ? ` · Chromium ${m.chromium}` : ''} · load ${m.loadAverage.toFixed(2)}`;
}

/** The one table `npm run bench` prints: every figure with its budget and PASS/OVER. */
export function formatTable(r: BenchResult): string {
  const header = ['figure', 'course', 'standard', 'value', 'budget', 'result'];
  const lines = r.rows.map((x) => [x.figure, x.course, x.standard, x.display, x.budgetDisplay ?? '—', x.verdict ?? '']);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const over = r.rows.filter((x) => x.verdict === 'OVER').length;
  const judged = r.rows.filter((x) => x.verdict).length;
  const notes = [`Coursepack bench, ${machineLine(r)}`, format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format), '', `${judged - over} PASS, ${over} OVER (1 KB = 1,000 bytes)`];
  if (r.launch?.skipped) notes.push(`launch not measured: ${r.launch.skipped}`);
  return notes.join('\n');
}
