import JSZip from 'jszip';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile, type CompileResult } from '../../src/compiler';
import { writers, type PackageResult } from '../../src/compiler/package';
import { LMS_NOTES } from '../../src/compiler/package/lms-notes';
import { checkPackage } from '../../src/conformance';
import { ALL_TYPES } from './helpers';

/** Issue 11 item 7: every zip carries the administrator's page with this package's own figures. */
const FLAGSHIP = path.join(__dirname, '..', '..', 'courses', 'un-migration-cca-cf');
const targets = Object.keys(writers) as (keyof typeof writers)[];
let fixture: CompileResult;
let flagship: CompileResult;
let bundle: CompileResult;

beforeAll(async () => {
  [fixture, flagship, bundle] = await Promise.all([compile(ALL_TYPES, { targets }), compile(FLAGSHIP, { targets }), compile(ALL_TYPES, { targets, bundleLanguages: true })]);
}, 120000);

const notesOf = async (pkg: PackageResult) => (await JSZip.loadAsync(pkg.zip)).file(LMS_NOTES)?.async('string');
const ENTITIES: Record<string, string> = { '&quot;': '"', '&#x27;': "'", '&amp;': '&', '&lt;': '<', '&gt;': '>' };
const text = (html: string) =>
  html
    .replace(/<(style|title)>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(quot|#x27|amp|lt|gt);/g, (e) => ENTITIES[e]!)
    .replace(/\s+/g, ' ');

describe.each([
  ['fixture', () => fixture],
  ['flagship', () => flagship],
  ['language bundle', () => bundle],
])('%s', (_, result) => {
  test('every package has LMS-NOTES.html with its mastery score, bookmark figure, course id, version and standard', async () => {
    const { packages, models } = result();
    expect(new Set(packages.map((p) => p.target))).toEqual(new Set(targets));
    for (const pkg of packages) {
      const model = models.find((m) => m.lang === pkg.lang) ?? models[0]!;
      const html = await notesOf(pkg);
      expect({ pkg: pkg.fileName, found: html !== undefined }).toEqual({ pkg: pkg.fileName, found: true });
      const page = text(html!);
      const { worstCase, limit } = pkg.suspendData;
      expect(page).toContain(limit === undefined ? `${worstCase} characters; no limit in the standard` : `${worstCase} of ${limit} characters`);
      expect(page).toContain(`Mastery score ${model.masteryScore} %`);
      expect(page).toContain(model.id);
      expect(page).toContain(model.version);
      expect(page).toContain(writers[pkg.target as keyof typeof writers]!.label);
      if (pkg.target !== 'web') expect(page).toContain(`${model.questions.length} in this course`);
    }
  });

  test('the page carries the same CSP as every page without the runtime, and no script', async () => {
    for (const pkg of result().packages) {
      const html = (await notesOf(pkg))!;
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'none'");
      expect(csp).toMatch(/style-src 'self' 'sha256-[^']+'/);
      expect(html).not.toMatch(/<script/);
    }
  });

  test('validate finds nothing to warn about: the page is listed in the SCORM manifests', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-notes-'));
    for (const pkg of result().packages) {
      const file = path.join(dir, pkg.fileName);
      writeFileSync(file, pkg.zip);
      const report = await checkPackage(file);
      const warnings = report.findings.filter((f) => f.severity !== 'info');
      expect({ pkg: pkg.fileName, warnings }).toEqual({ pkg: pkg.fileName, warnings: [] });
      if (pkg.target.startsWith('scorm')) {
        const manifest = await (await JSZip.loadAsync(pkg.zip)).file('imsmanifest.xml')!.async('string');
        expect(manifest).toContain(`<file href="${LMS_NOTES}"`);
      }
    }
  });
});

test('the recommended settings follow the course: "Passed" when the quiz must be passed, the mastery score in the cmi5 advice', async () => {
  const model = flagship.models[0]!;
  const page = (target: string) => notesOf(flagship.packages.find((p) => p.target === target && p.lang === model.lang)!).then((h) => text(h!));
  expect(model.completion.quizPassed).toBe(true);
  expect(await page('scorm12')).toContain('"Require status" "Passed"');
  expect(await page('cmi5')).toContain(`masteryScore ${model.masteryScore! / 100}`);
  expect(await page('web')).toContain('Not for an LMS');
});
