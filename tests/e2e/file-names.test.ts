import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { build, type CompileResult } from '../../src/compiler';
import { checkPackage } from '../../src/conformance';
import { ContentError, formatDiagnostics } from '../../src/diagnostics';
import { courseCopy } from '../compiler/helpers';
import { launchBrowser } from './browser';
import { startStaticServer, type StaticServer } from './static-server';

/** File names a designer really produces: spaces, #, %, &, accents, Arabic script. */
const ODD = ['café au lait.svg', '50% #1 & co.svg', 'خريطة الهجرة.svg'];
const HANDOUT = 'notes & tips #2 (50%).md';
const DOWNLOAD = 'plan 100% #1.txt';
/** A photo: the media stage writes WebP/PNG variants named after it, listed in srcset. */
const PHOTO = 'photo été, #3 & 100%.png';

let result: CompileResult & { files: string[] };
let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  const dir = courseCopy({
    'lessons/basics.en.md': (t) =>
      t
        .replace('    file: handouts/basics.en.md', `    file: handouts/basics.en.md\n  - title: Plan\n    file: "handouts/${DOWNLOAD}"`)
        .replace(
          'See [the choices page](#choices).',
          `See [the choices page](#choices). ![Coffee](<../media/${ODD[0]}>) ![Fifty](../media/${encodeURIComponent(ODD[1]!)}) ![Map](<../media/${ODD[2]}>) ![Photo](<../media/${PHOTO.replace('#', '%23')}>) and [the notes](<../handouts/${HANDOUT.replace('#', '%23')}>).`,
        ),
  });
  for (const name of ODD) copyFileSync(path.join(dir, 'media', 'dot.svg'), path.join(dir, 'media', name));
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#336699' } }).png().toFile(path.join(dir, 'media', PHOTO));
  writeFileSync(path.join(dir, 'handouts', HANDOUT), `# Notes & tips\n\n![Coffee](<../media/${ODD[0]}>)\n`);
  writeFileSync(path.join(dir, 'handouts', DOWNLOAD), 'The plan.\n');
  const out = mkdtempSync(path.join(tmpdir(), 'cp-names-'));
  browser = await launchBrowser();
  server = await startStaticServer();
  result = await build(dir, out, { targets: ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'], languages: ['en'] }).catch((error: unknown) => {
    throw error instanceof ContentError ? new Error(formatDiagnostics(error.diagnostics)) : error;
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('every package keeps the names as written and validates with no error and no warning', async () => {
  expect(result.packages.map((p) => p.target).sort()).toEqual(['cmi5', 'scorm12', 'scorm2004', 'web', 'xapi']);
  for (const file of result.files) {
    const report = await checkPackage(file);
    expect({ file, findings: report.findings.filter((f) => f.severity !== 'info') }).toEqual({ file, findings: [] });
  }
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(result.packages.find((p) => p.target === 'scorm2004')!.zip);
  for (const name of ODD) expect(zip.file(`media/${name}`)).not.toBeNull();
  const manifest = await zip.file('imsmanifest.xml')!.async('string');
  expect(manifest).toContain(`href="media/${encodeURIComponent(ODD[1]!)}"`);
  expect(manifest).not.toMatch(/href="[^"]*[ #&\u0600-\u06ff][^"]*"/);
});

test.each(['web', 'scorm12'])('in Chromium, every image and link of the %s package loads (no 404)', async (target) => {
  const pkg = result.packages.find((p) => p.target === target)!;
  await server.mountZip(target, pkg.zip);
  const page = await browser.newPage();
  const failures: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
  page.on('requestfailed', (r) => failures.push(`${r.failure()?.errorText} ${r.url()}`));
  await page.goto(`${server.url}/${target}/index.html`);
  // Pages wait in <template>s until shown: load each image and fetch each file link as the learner's browser would.
  const refs = await page.evaluate(() => {
    const out: { img: string[]; link: string[] } = { img: [], link: [] };
    for (const t of document.querySelectorAll('template')) {
      for (const img of t.content.querySelectorAll('img')) out.img.push(new URL(img.getAttribute('src')!, document.baseURI).href);
      for (const el of t.content.querySelectorAll('[srcset]')) {
        for (const candidate of el.getAttribute('srcset')!.split(', ')) out.img.push(new URL(candidate.split(' ')[0]!, document.baseURI).href);
      }
      for (const a of t.content.querySelectorAll('a[href]:not([href^="#"])')) out.link.push(new URL(a.getAttribute('href')!, document.baseURI).href);
    }
    return out;
  });
  expect(refs.img.length).toBeGreaterThanOrEqual(8);
  expect(refs.link.length).toBeGreaterThanOrEqual(3);
  const loaded = await page.evaluate(
    (urls) => Promise.all(urls.map((u) => new Promise<boolean>((resolve) => Object.assign(new Image(), { onload: () => resolve(true), onerror: () => resolve(false), src: u })))),
    refs.img,
  );
  expect(loaded.every(Boolean)).toBe(true);
  // Fetched from outside the page: its CSP (rightly) lets no script connect anywhere.
  const statuses = await Promise.all(refs.link.map(async (u) => (await page.request.get(u)).status()));
  expect(statuses).toEqual(refs.link.map(() => 200));
  // The printable handout page, with its own image one folder down.
  const handout = refs.link.find((u) => u.endsWith('.html'))!;
  await page.goto(handout);
  expect(await page.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(failures).toEqual([]);
  await page.close();
});
