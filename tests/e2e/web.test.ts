import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { compile } from '../../src/compiler';
import { launchBrowser } from './browser';
import { Learner } from './learner';

let browser: Browser;
let indexUrl: string;

beforeAll(async () => {
  const [{ packages }, b] = await Promise.all([compile('tests/fixtures/courses/all-types', { targets: ['web'], languages: ['en'] }), launchBrowser()]);
  browser = b;
  const dir = mkdtempSync(path.join(tmpdir(), 'cp-web-'));
  const zip = await JSZip.loadAsync(packages[0]!.zip);
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), await entry.async('nodebuffer'));
  }
  indexUrl = `file://${dir}/index.html`;
});

afterAll(() => browser?.close());

test('web package opened from a file share keeps progress in the browser and resumes', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(indexUrl);
  const learner = new Learner(page.mainFrame());
  await learner.start();
  expect(await page.getByRole('alert').isHidden()).toBe(true); // a web build says nothing about LMSes
  await learner.next();
  await learner.answerPage(true);
  await page.reload();
  await learner.start();
  expect(await learner.pageId()).toBe('choices');
  expect(await page.locator('form[data-question] button[type=submit]').first().isDisabled()).toBe(true);
  await context.close();
  expect(errors).toEqual([]);
});
