import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { compile } from '../../src/compiler';
import { moveOnOf, scaledMastery } from '../../src/compiler/package/cmi5';
import type { CourseModel } from '../../src/compiler/model';
import { checkPackage, validateXml } from '../../src/conformance';
import { DEFAULT_COURSE, buildDefaultCourse } from '../lrs/packages';

jest.setTimeout(60000);

test('the default course builds xapi and cmi5 zips next to the SCORM ones, for every language', async () => {
  const { packages } = await compile(DEFAULT_COURSE);
  const names = packages.map((p) => p.fileName);
  for (const lang of ['en', 'fr']) {
    for (const target of ['scorm12', 'scorm2004', 'xapi', 'cmi5']) expect(names).toContain(`un-migration-cca-cf-${lang}-${target}.zip`);
  }
});

test.each(['xapi', 'cmi5'] as const)('the %s package passes coursepack validate with no error or warning', async (target) => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'coursepack-writer-'));
  try {
    const file = path.join(dir, `${target}.zip`);
    await fs.writeFile(file, (await buildDefaultCourse(target)).zip);
    const report = await checkPackage(file);
    expect(report.standard).toBe(target);
    expect(report.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('tincan.xml: the course activity IRI, name and description per language, launch in the package language', async () => {
  const pkg = await buildDefaultCourse('xapi', 'fr');
  const xml = await pkg.file('tincan.xml');
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
  expect(xml).toContain('<tincan xmlns="http://projecttincan.com/tincan.xsd">');
  const activity = doc.tincan.activities.activity;
  expect(activity.id).toBe('https://migrationnetwork.un.org/courses/un-migration-cca-cf');
  expect(activity.type).toBe('http://adlnet.gov/expapi/activities/course');
  expect(activity.name.map((n: { lang: string }) => n.lang)).toEqual(['en', 'fr']);
  expect(activity.description.map((n: { lang: string }) => n.lang)).toEqual(['en', 'fr']);
  expect(activity.launch).toEqual({ lang: 'fr', '#text': 'index.html' });
});

test('cmi5.xml is valid against the cmi5 XSD: one AU, moveOn from the completion rule, masteryScore, AnyWindow', async () => {
  const xml = await (await buildDefaultCourse('cmi5')).file('cmi5.xml');
  expect(await validateXml('cmi5', xml)).toEqual({ valid: true, errors: [] });
  expect(xml).toMatch(/<au id="https:\/\/migrationnetwork\.un\.org\/courses\/un-migration-cca-cf\/au" moveOn="CompletedAndPassed" masteryScore="0\.8" launchMethod="AnyWindow">/);
  expect(xml.match(/<au /g)).toHaveLength(1);
});

test('moveOn and masteryScore follow the course: no quiz or quiz not required → Completed', () => {
  const model = (over: Partial<CourseModel>) => ({ quiz: { pageId: 'q', questionIds: [], draw: 1, retake: false }, masteryScore: 80, completion: { pagesViewed: 100, quizPassed: true }, ...over }) as CourseModel;
  expect(moveOnOf(model({}))).toBe('CompletedAndPassed');
  expect(moveOnOf(model({ completion: { pagesViewed: 100, quizPassed: false } }))).toBe('Completed');
  expect(moveOnOf(model({ quiz: undefined, masteryScore: undefined }))).toBe('Completed');
  expect(scaledMastery(80)).toBe('0.8');
  expect(scaledMastery(66.667)).toBe('0.6667');
  expect(scaledMastery(100)).toBe('1');
});
