#!/usr/bin/env node
// Makes `npx coursepack …` work inside this repository too: npx looks in node_modules/.bin, where
// npm links the commands of dependencies but never the project's own.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const binDir = path.join(root, 'node_modules', '.bin');
const link = path.join(binDir, 'coursepack');
if (!fs.existsSync(path.join(root, 'node_modules'))) process.exit(0); // installed as a dependency: npm links it
fs.mkdirSync(binDir, { recursive: true });
fs.rmSync(link, { force: true });
fs.symlinkSync(path.relative(binDir, path.join(root, 'bin', 'coursepack.js')), link);
