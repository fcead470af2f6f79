#!/usr/bin/env node
// npm run bench: build speed, package weight, suspend-data size and launch time against the budgets
// of issue 6 (and the flagship's workshop kit, issue 14), as one table (or --json for tracking over time).
// Runs the compiled bench in build/bench.
//   --json                 print the whole result as JSON instead of the table
//   --sizes 10,100,1000    synthetic course sizes in pages (default 10,100,1000)
//   --no-flagship          leave out courses/un-migration-cca-cf and courses/showcase (every block)
//   --runs 3               cold builds per course (median)
//   --launch-runs 7        launches per standard after a warm-up (median); 0 leaves launch out
//   --pilot-statements N   synthetic statements for the pilot report figures (default 1000000); 0 leaves them out
'use strict';
const { parseArgs } = require('node:util');
const { runBench, formatTable } = require('../build/bench');

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    sizes: { type: 'string', default: '10,100,1000' },
    'no-flagship': { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    'launch-runs': { type: 'string', default: '7' },
    'pilot-statements': { type: 'string', default: '1000000' },
  },
});
const count = (name, text, min) => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} wants a whole number ≥ ${min}, got "${text}"`);
  return n;
};

runBench({
  flagship: !values['no-flagship'],
  sizes: values.sizes.split(',').filter(Boolean).map((s) => count('sizes', s, 2)),
  buildRuns: count('runs', values.runs, 1),
  launchRuns: count('launch-runs', values['launch-runs'], 0),
  pilotStatements: count('pilot-statements', values['pilot-statements'], 0),
  log: (line) => process.stderr.write(`${line}\n`),
}).then(
  (result) => process.stdout.write(`${values.json ? JSON.stringify(result, null, 2) : formatTable(result)}\n`),
  (error) => {
    process.stderr.write(`bench: ${error.stack || error}\n`);
    process.exitCode = 1;
  },
);
