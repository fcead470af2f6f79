#!/usr/bin/env node
// Regenerates docs/blocks/*.png: one picture of each block of courses/showcase, as a learner sees it
// (Chromium, 760 px wide; Arabic ones with -ar). Run after `npm run compile`: node scripts/screenshot-blocks.js
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const http = require('node:http');
const JSZip = require('jszip');
const { chromium } = require('playwright-core');
const { compile } = require('../build/compiler');

const root = path.join(__dirname, '..');
const out = path.join(root, 'docs', 'blocks');
// block → [page id, selector, what to do first]
const SHOTS = {
  callouts: ['text-callouts', '.cp-callout-note', null, 4],
  quote: ['text-callouts', '.cp-quote'],
  statement: ['text-callouts', '.cp-statement'],
  'two-column': ['text-layout', '.cp-columns'],
  'divider-button': ['text-layout', '.cp-button-block', null, -1],
  table: ['text-layout', '.cp-table'],
  accordion: ['interactive-accordion', '.cp-accordion', (p) => p.locator('.cp-accordion summary').first().click()],
  tabs: ['interactive-accordion', '.cp-tabs', (p) => p.locator('.cp-tab').nth(1).click()],
  flashcards: ['interactive-cards', '.cp-cards', (p) => p.locator('.cp-card-front [data-flip]').nth(1).click()],
  process: ['interactive-process', '.cp-process', (p) => p.locator('.cp-process [data-step="1"]').click()],
  timeline: ['interactive-process', '.cp-timeline'],
  continue: ['interactive-gate', '.cp-gate'],
  sorting: ['activities-sorting', 'form[data-type=sorting]', (p) => p.locator('[data-card] input[value="0"]').first().check()],
};

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const { packages } = await compile(path.join(root, 'courses', 'showcase'), { targets: ['web'] });
  const files = new Map();
  for (const pkg of packages) {
    const zip = await JSZip.loadAsync(pkg.zip);
    for (const e of Object.values(zip.files)) if (!e.dir) files.set(`/${pkg.lang}/${e.name}`, await e.async('nodebuffer'));
  }
  const server = http.createServer((req, res) => {
    const body = files.get(req.url.split('?')[0]);
    res.writeHead(body ? 200 : 404, { 'content-type': req.url.endsWith('.html') ? 'text/html; charset=utf-8' : req.url.endsWith('.css') ? 'text/css' : 'text/javascript' });
    res.end(body ?? '');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const lang of ['en', 'ar']) {
      const page = await browser.newPage({ viewport: { width: 760, height: 900 }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
      for (const [name, [pageId, selector, act, span]] of Object.entries(SHOTS)) {
        if (lang === 'ar' && !['tabs', 'flashcards', 'process', 'sorting', 'callouts', 'timeline'].includes(name)) continue;
        await page.goto(`http://127.0.0.1:${server.address().port}/${lang}/index.html#${pageId}`);
        await page.evaluate(() => localStorage.clear());
        await page.reload();
        await page.locator('#cp-page h1').waitFor();
        await page.evaluate((id) => window.coursepack.player.go(window.coursepack.state.visited.length && JSON.parse(document.getElementById('cp-data').textContent).pages.findIndex((p) => p.id === id)), pageId);
        if (act) await act(page);
        await page.waitForTimeout(350);
        const first = page.locator(selector).first();
        let box = await first.boundingBox();
        if (span) {
          // A group of blocks: from the first to the span-th next sibling (or the previous one).
          const other = await first.evaluate((el, n) => {
            let e = el;
            for (let i = 0; i < Math.abs(n) - (n > 0 ? 1 : 0) && e; i++) e = n > 0 ? e.nextElementSibling : e.previousElementSibling;
            if (n < 0) e = el.previousElementSibling;
            const r = e.getBoundingClientRect();
            return { x: r.x, y: r.y + window.scrollY, width: r.width, height: r.height };
          }, span);
          const top = Math.min(box.y, other.y);
          box = { x: box.x, y: top, width: box.width, height: Math.max(box.y + box.height, other.y + other.height) - top };
        }
        const pad = 12;
        await page.screenshot({ path: path.join(out, `${name}${lang === 'ar' ? '-ar' : ''}.png`), clip: { x: Math.max(box.x - pad, 0), y: Math.max(box.y - pad, 0), width: box.width + 2 * pad, height: box.height + 2 * pad }, fullPage: true });
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
