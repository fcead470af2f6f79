#!/usr/bin/env node
// Browser tests drive Debian's Chromium through playwright-core (no browser download). Installs it
// with apt when missing and we are root (CI runs as root on a clean machine); otherwise says how.
'use strict';
const { execSync } = require('node:child_process');
const fs = require('node:fs');

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
if (candidates.some((p) => fs.existsSync(p))) process.exit(0);
if (process.getuid && process.getuid() === 0) {
  console.log('Installing Debian chromium for the browser tests…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null', { stdio: 'inherit', shell: '/bin/bash' });
  process.exit(0);
}
console.error('Chromium is missing: run "sudo apt-get install chromium" (or set CHROMIUM_PATH), then npm test again.');
process.exit(1);
