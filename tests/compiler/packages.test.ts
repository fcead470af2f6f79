import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { compile, type CompileResult } from '../../src/compiler';
import { writers } from '../../src/compiler/package';
import { checkPackage, validateXml } from '../../src/conformance';
import { ALL_TYPES } from './helpers';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const FLAGSHIP = path.join(__dirname, '..', '..', 'courses', 'un-migration-cca-cf');
const targets = Object.keys(writers) as (keyof typeof writers)[];
let fixture: CompileResult;
let flagship: CompileResult;

beforeAll(async () => {
  [fixture, flagship] = await Promise.all([compile(ALL_TYPES, { targets }), compile(FLAGSHIP, { targets })]);
});

const manifestStandard = { scorm12: 'scorm12', scorm2004: 'scorm2004', cmi5: 'cmi5' } as const;

describe('every package of every target', () => {
  test('one package per language per target', () => {
    expect(fixture.packages.map((p) => `${p.lang}-${p.target}`).sort()).toEqual(['en', 'fr'].flatMap((l) => targets.map((t) => `${l}-${t}`)).sort());
  });

  test.each(['fixture', 'flagship'])('%s: manifests validate against the official XSDs (libxml2)', async (which) => {
    const result = which === 'fixture' ? fixture : flagship;
    for (const pkg of result.packages) {
      const standard = manifestStandard[pkg.target as keyof typeof manifestStandard];
      if (!standard) continue;
      const zip = await JSZip.loadAsync(pkg.zip);
      const xml = await zip.file(standard === 'cmi5' ? 'cmi5.xml' : 'imsmanifest.xml')!.async('string');
      const verdict = await validateXml(standard, xml);
      expect({ pkg: pkg.fileName, errors: verdict.errors }).toEqual({ pkg: pkg.fileName, errors: [] });
    }
  });

  test.each(['fixture', 'flagship'])('%s: the package checker finds no error in any package', async (which) => {
    const result = which === 'fixture' ? fixture : flagship;
    const dir = mkdtempSync(path.join(tmpdir(), 'cp-pkgs-'));
    for (const pkg of result.packages) {
      const file = path.join(dir, pkg.fileName);
      writeFileSync(file, pkg.zip);
      const report = await checkPackage(file);
      expect({ pkg: pkg.fileName, errors: report.findings.filter((f) => f.severity === 'error') }).toEqual({ pkg: pkg.fileName, errors: [] });
    }
  });

  test('SCORM manifests list every file of the package and carry the pass mark', async () => {
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
    for (const pkg of fixture.packages.filter((p) => p.target.startsWith('scorm'))) {
      const zip = await JSZip.loadAsync(pkg.zip);
      const manifest = parser.parse(await zip.file('imsmanifest.xml')!.async('string')).manifest;
      const listed = new Set<string>([].concat(manifest.resources.resource.file).map((f: { href: string }) => f.href));
      const content = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir && !/\.(xsd|dtd)$/.test(f) && f !== 'imsmanifest.xml');
      expect(content.filter((f) => !listed.has(f))).toEqual([]);
      expect(content).toEqual(expect.arrayContaining(['index.html', 'coursepack.js', 'coursepack.css', 'media/dot.svg', 'handouts/basics.en.html'.replace('en', pkg.lang)]));
      const item = manifest.organizations.organization.item;
      if (pkg.target === 'scorm12') expect(item['adlcp:masteryscore']).toBe(75);
      else {
        expect(item['imsss:sequencing']['imsss:deliveryControls']).toMatchObject({ completionSetByContent: 'true', objectiveSetByContent: 'true' });
        expect(item['imsss:sequencing']['imsss:objectives']['imsss:primaryObjective']['imsss:minNormalizedMeasure']).toBe(0.75);
      }
    }
  });

  test('same input, byte-identical zips', async () => {
    const again = await compile(ALL_TYPES, { targets });
    expect(again.packages.map((p) => p.zip.toString('base64'))).toEqual(fixture.packages.map((p) => p.zip.toString('base64')));
  });

  test('flagship: English and French packages, each within 150 KB', () => {
    for (const pkg of flagship.packages) expect({ pkg: pkg.fileName, kb: pkg.zip.length / 1000 < 150 }).toEqual({ pkg: pkg.fileName, kb: true });
    expect(new Set(flagship.packages.map((p) => p.lang))).toEqual(new Set(['en', 'fr']));
  });
});
