import { main } from '../cli/main';

/**
 * One `coursepack report …` in its own process (`node build/bench/report-child.js report sync …`), so
 * the bench times what a course team waits for and reads the process's peak memory, DuckDB's
 * included. The command's own output goes to stderr; stdout gets one JSON line.
 */
void main(process.argv.slice(2), process.stderr, process.stderr).then((code) => {
  const usage = process.resourceUsage();
  process.stdout.write(`${JSON.stringify({ code, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, peakRssBytes: usage.maxRSS * 1024 })}\n`);
  process.exitCode = code;
});
