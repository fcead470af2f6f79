#!/usr/bin/env node
// Bundles the browser runtime once per tracking standard (src/runtime/entries/*.ts → build/runtime/*.js),
// so a SCORM 1.2 package ships no xAPI code, and each block family's behaviour
// (src/runtime/player/blocks/*.ts → build/runtime/blocks/*.js), appended only to courses that use it;
// the language picker of multi-language packages (src/runtime/picker → build/runtime/picker.js);
// and the preview's LMS emulator page (src/preview/emulator → build/preview/emulator.js), which the
// preview server serves. Prints each bundle's size, minified and gzipped.
'use strict';
const { buildSync } = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.join(__dirname, '..');
const entriesDir = path.join(root, 'src', 'runtime', 'entries');
const outDir = path.join(root, 'build', 'runtime');
fs.mkdirSync(outDir, { recursive: true });

const blocksDir = path.join(root, 'src', 'runtime', 'player', 'blocks');
const bundles = [
  ...fs.readdirSync(entriesDir).filter((f) => f.endsWith('.ts')).sort().map((f) => ({ name: path.basename(f, '.ts'), entry: path.join(entriesDir, f), outfile: path.join(outDir, f.replace(/\.ts$/, '.js')) })),
  ...fs.readdirSync(blocksDir).filter((f) => f.endsWith('.ts')).sort().map((f) => ({ name: `block ${path.basename(f, '.ts')}`, entry: path.join(blocksDir, f), outfile: path.join(outDir, 'blocks', f.replace(/\.ts$/, '.js')) })),
  { name: 'picker', entry: path.join(root, 'src', 'runtime', 'picker', 'index.ts'), outfile: path.join(outDir, 'picker.js') },
  // Not minified: it never ships in a package, and a designer debugging the preview reads it in DevTools.
  { name: 'preview emulator', entry: path.join(root, 'src', 'preview', 'emulator', 'index.ts'), outfile: path.join(root, 'build', 'preview', 'emulator.js'), minify: false },
];
for (const { name, entry, outfile, minify = true } of bundles) {
  buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    legalComments: 'none',
    logLevel: 'error',
  });
  const code = fs.readFileSync(outfile);
  if (!process.env.QUIET) console.log(`${name.startsWith('preview') ? '' : 'runtime '}${name}: ${(code.length / 1000).toFixed(1)} KB ${minify ? 'min' : 'unminified'}, ${(zlib.gzipSync(code, { level: 9 }).length / 1000).toFixed(1)} KB gzip`);
}
