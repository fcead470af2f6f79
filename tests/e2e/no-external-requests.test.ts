import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { compile, type CompileResult } from '../../src/compiler';
import { launchBrowser } from './browser';
import { Learner } from './learner';
import { startTestLms, type TestLms } from './lms/lms-server';
import { startStaticServer, type StaticServer } from './static-server';

/** A stand-in LRS on its own origin: it records what reaches it and answers like an empty LRS. */
async function startRecorder(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-allow-methods': '*', 'content-type': 'application/json' });
    res.end(req.url?.startsWith('/fetch') ? JSON.stringify({ 'auth-token': 'dG9rZW4=' }) : '[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, hits, close: () => new Promise((r) => server.close(() => r())) };
}

let result: CompileResult;
let browser: Browser;
let host: StaticServer;
let lms: TestLms;
let lrs: Awaited<ReturnType<typeof startRecorder>>;
let elsewhere: Awaited<ReturnType<typeof startRecorder>>;

beforeAll(async () => {
  browser = await launchBrowser();
  host = await startStaticServer();
  lms = await startTestLms();
  lrs = await startRecorder();
  elsewhere = await startRecorder();
  result = await compile('tests/fixtures/courses/all-types', { languages: ['en'], targets: ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'] });
  for (const pkg of result.packages) {
    await host.mountZip(pkg.target, pkg.zip);
    if (pkg.target.startsWith('scorm')) await lms.mountZip(`pkg/${pkg.target}`, pkg.zip);
  }
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([host?.close(), lms?.close(), lrs?.close(), elsewhere?.close()]);
});

function launchQuery(target: string): string {
  const actor = JSON.stringify({ objectType: 'Agent', name: 'Ada', mbox: 'mailto:ada@example.org' });
  const registration = '6f1f3f0e-3b1a-4c6e-9a55-0d2b1c1e2f3a';
  if (target === 'xapi') return `?${new URLSearchParams({ endpoint: `${lrs.url}/xapi/`, auth: 'Basic YTpi', actor, registration })}`;
  if (target === 'cmi5') return `?${new URLSearchParams({ endpoint: `${lrs.url}/xapi/`, fetch: `${lrs.url}/fetch`, actor, registration, activityId: 'urn:coursepack:all-types' })}`;
  return '';
}

async function walk(page: Page, scorm: boolean): Promise<void> {
  if (scorm) await page.frameLocator('#sco').locator('#cp-page h1').waitFor();
  const learner = new Learner(scorm ? page.frame({ url: /index\.html/ })! : page.mainFrame());
  await learner.heading().waitFor();
  for (let i = 0; i < 3; i++) {
    await learner.answerPage(true);
    await learner.next();
  }
}

test.each(['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'])('%s: a learner session makes no request outside the package (and its LRS), and the CSP blocks any', async (target) => {
  const page = await browser.newPage();
  const scorm = target.startsWith('scorm');
  const outside: string[] = [];
  // SCORM runs in the test LMS's frame: the launcher and scorm-again are the LMS, not the package.
  const base = scorm ? `${lms.url}/pkg/${target}/` : `${host.url}/${target}/`;
  page.on('request', (r) => {
    const url = r.url();
    if (scorm && r.frame() === page.mainFrame()) return;
    if (!url.startsWith(base) && !(['xapi', 'cmi5'].includes(target) && url.startsWith(`${lrs.url}/`))) outside.push(url);
  });
  await page.goto(scorm ? lms.launchUrl(target as 'scorm12', target, `ada-${target}`, result.models[0]!.masteryScore) : `${base}index.html${launchQuery(target)}`);
  await walk(page, scorm);
  expect(outside).toEqual([]);
  const content = scorm ? page.frame({ url: /index\.html/ })! : page.mainFrame();
  const csp = await content.locator('meta[http-equiv="Content-Security-Policy"]').evaluateAll((metas) => metas.map((m) => (m as HTMLMetaElement).content));
  expect(csp[0]).toContain("img-src 'self'");
  expect(csp[1]).toBe(['xapi', 'cmi5'].includes(target) ? `connect-src ${lrs.url}` : "connect-src 'none'");
  // Anything that tried to reach another host — a script's fetch, a pixel — is refused by the browser.
  const attempts = await content.evaluate(async (url) => {
    const fetched = await fetch(`${url}/beacon`).then(() => 'sent', () => 'blocked');
    const pixel = await new Promise<string>((resolve) => Object.assign(new Image(), { onload: () => resolve('loaded'), onerror: () => resolve('blocked'), src: `${url}/pixel.gif` }));
    return { fetched, pixel };
  }, elsewhere.url);
  expect(attempts).toEqual({ fetched: 'blocked', pixel: 'blocked' });
  expect(elsewhere.hits).toEqual([]);
  if (['xapi', 'cmi5'].includes(target)) expect(lrs.hits.length).toBeGreaterThan(0);
  await page.close();
});

test('a handout page carries the policy too, and its print button works without inline script', async () => {
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await page.goto(`${host.url}/web/handouts/basics.en.html`);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("connect-src 'none'");
  await page.evaluate(() => Object.assign(window, { print: () => document.body.setAttribute('data-printed', 'yes') }));
  await page.getByRole('button', { name: 'Print this page' }).click();
  expect(await page.locator('body').getAttribute('data-printed')).toBe('yes');
  expect(violations).toEqual([]);
  await page.close();
});
