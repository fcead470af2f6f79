#!/usr/bin/env node
// The tests read our output with real programs from Debian (Chromium for the browser journeys, and
// whatever else is listed below). Installs what is missing with apt when we are root (CI runs as root
// on a clean machine); otherwise names the command to run and fails, so nothing is skipped silently.
'use strict';
const { execSync } = require('node:child_process');
const fs = require('node:fs');

/** One row per program the tests need: the Debian package and the paths that show it is installed. */
const needed = [
  { pkg: 'chromium', paths: [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'] },
  // The workshop kit's decks and documents are opened and converted to PDF by LibreOffice, then read by poppler.
  { pkg: 'libreoffice-impress', paths: ['/usr/lib/libreoffice/program/libPresenterScreenlo.so'] },
  { pkg: 'libreoffice-writer', paths: ['/usr/lib/libreoffice/program/libswlo.so'] },
  { pkg: 'poppler-utils', paths: ['/usr/bin/pdftotext'] },
  // Arabic and French glyphs for LibreOffice's rendering (Debian's minimal images have no fonts).
  { pkg: 'fonts-noto-core', paths: ['/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf'] },
  // pocount reads our XLIFF exports as CAT tools do (tests/translate/).
  { pkg: 'translate-toolkit', paths: ['/usr/bin/pocount'] },
];

const missing = needed.filter((n) => !n.paths.filter(Boolean).some((p) => fs.existsSync(p))).map((n) => n.pkg);
if (missing.length === 0) process.exit(0);
if (process.getuid && process.getuid() === 0) {
  console.log(`Installing Debian packages for the tests: ${missing.join(' ')}…`);
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(' ')} >/dev/null`, {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
  process.exit(0);
}
console.error(`The tests need Debian packages that are missing: run "sudo apt-get install ${missing.join(' ')}", then npm test again.`);
process.exit(1);
