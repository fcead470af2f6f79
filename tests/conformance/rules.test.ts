import JSZip from 'jszip';
import { checkPackage, type Report } from '../../src/conformance';
import { errors, findings, tempDir } from './helpers';

let temp: Awaited<ReturnType<typeof tempDir>>;
let counter = 0;
beforeAll(async () => {
  temp = await tempDir();
});
afterAll(() => temp.cleanup());

async function check(files: Record<string, string>): Promise<Report> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return checkPackage(await temp.write(`p${++counter}.zip`, await zip.generateAsync({ type: 'nodebuffer' })));
}

const PAGE = '<!doctype html><title>x</title>';

/** A SCORM 1.2 manifest; `item` and `resources` replace the defaults (line numbers noted in tests). */
function scorm12({ orgs = 'default="org-1"', item = '<item identifier="item-1" identifierref="sco-1"><title>T</title></item>', resources = '' } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="m" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations ${orgs}>
    <organization identifier="org-1"><title>T</title>
      ${item}
    </organization>
  </organizations>
  <resources>
    ${resources || '<resource identifier="sco-1" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/></resource>'}
  </resources>
</manifest>
`;
}

describe('SCORM integrity rules', () => {
  it('default organization that does not exist', async () => {
    const report = await check({ 'imsmanifest.xml': scorm12({ orgs: 'default="org-9"' }), 'index.html': PAGE });
    expect(errors(report)).toEqual([expect.objectContaining({ rule: 'default-organization', where: 'imsmanifest.xml:4', hint: 'Set default to one of: "org-1".' })]);
  });

  it('dependency on a resource that does not exist', async () => {
    const resources =
      '<resource identifier="sco-1" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/><dependency identifierref="lib"/></resource>';
    const report = await check({ 'imsmanifest.xml': scorm12({ resources }), 'index.html': PAGE });
    expect(errors(report)).toEqual([expect.objectContaining({ rule: 'bad-dependency', where: 'imsmanifest.xml:10' })]);
  });

  it.each([
    ['/index.html', 'is an absolute path'],
    ['../index.html', 'points outside the package'],
    ['C:\\course\\index.html', 'is an absolute Windows path'],
  ])('unsafe file href %s', async (href, reason) => {
    const resources = `<resource identifier="sco-1" type="webcontent" adlcp:scormtype="sco" href="index.html"><file href="index.html"/><file href="${href}"/></resource>`;
    const report = await check({ 'imsmanifest.xml': scorm12({ resources }), 'index.html': PAGE });
    expect(errors(report)).toEqual([expect.objectContaining({ rule: 'unsafe-href', where: 'imsmanifest.xml:10', message: `file "${href}" ${reason}` })]);
  });

  it('warns about ".." that stays inside the package', async () => {
    const resources = '<resource identifier="sco-1" type="webcontent" adlcp:scormtype="sco" href="js/../index.html"><file href="index.html"/></resource>';
    const report = await check({ 'imsmanifest.xml': scorm12({ resources }), 'index.html': PAGE });
    expect(report.findings).toEqual([expect.objectContaining({ severity: 'warning', rule: 'dot-dot-href', where: 'imsmanifest.xml:10' })]);
  });

  it('resolves xml:base and percent-escapes before looking files up', async () => {
    const resources =
      '<resource identifier="sco-1" type="webcontent" adlcp:scormtype="sco" xml:base="content/" href="my%20page.html?lang=en"><file href="my page.html"/></resource>';
    const report = await check({ 'imsmanifest.xml': scorm12({ resources }), 'content/my page.html': PAGE });
    expect(errors(report)).toEqual([]);
    expect(findings(report, 'unlisted-file')).toEqual([]);
    expect(findings(report, 'launch-url-encoding')).toEqual([]);
  });

  it('a schemaversion that contradicts the namespace', async () => {
    const report = await check({ 'imsmanifest.xml': scorm12().replace('<schemaversion>1.2', '<schemaversion>2004 4th Edition'), 'index.html': PAGE });
    expect(findings(report, 'schemaversion')).toEqual([expect.objectContaining({ severity: 'error', where: 'imsmanifest.xml:2' })]);
  });

  it('a descriptor whose name differs in letter case', async () => {
    const report = await check({ 'IMSManifest.xml': scorm12(), 'index.html': PAGE });
    expect(report.standard).toBe('unknown');
    expect(errors(report)).toEqual([expect.objectContaining({ rule: 'descriptor-name', where: 'IMSManifest.xml' })]);
  });
});

describe('LMS traps', () => {
  it('launch href with a query string plus item parameters', async () => {
    const item = '<item identifier="item-1" identifierref="sco-1" parameters="?lang=fr"><title>T</title></item>';
    const resources = '<resource identifier="sco-1" type="webcontent" adlcp:scormtype="sco" href="index.html?mode=a"><file href="index.html"/></resource>';
    const report = await check({ 'imsmanifest.xml': scorm12({ item, resources }), 'index.html': PAGE });
    expect(report.ok).toBe(true);
    expect(findings(report, 'launch-query')).toEqual([expect.objectContaining({ severity: 'warning', where: 'imsmanifest.xml:10' })]);
  });

  it('a launch on an external URL', async () => {
    const resources = '<resource identifier="sco-1" type="webcontent" adlcp:scormtype="sco" href="https://cdn.example.org/course/index.html"/>';
    const report = await check({ 'imsmanifest.xml': scorm12({ resources }) });
    expect(findings(report, 'external-launch')).toEqual([expect.objectContaining({ severity: 'warning', where: 'imsmanifest.xml:10' })]);
  });

  it('more than one SCO in SCORM 1.2', async () => {
    const item =
      '<item identifier="i1" identifierref="s1"><title>A</title></item><item identifier="i2" identifierref="s2"><title>B</title></item>';
    const resources =
      '<resource identifier="s1" type="webcontent" adlcp:scormtype="sco" href="a.html"><file href="a.html"/></resource>' +
      '<resource identifier="s2" type="webcontent" adlcp:scormtype="sco" href="b.html"><file href="b.html"/></resource>';
    const report = await check({ 'imsmanifest.xml': scorm12({ item, resources }), 'a.html': PAGE, 'b.html': PAGE });
    expect(report.findings.map((f) => [f.severity, f.rule])).toEqual([['warning', 'multiple-scos']]);
  });

  it('cmi5 AU left at moveOn NotApplicable', async () => {
    const cmi5 = `<?xml version="1.0"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/c"><title><langstring>C</langstring></title><description><langstring>C</langstring></description></course>
  <au id="https://example.org/c/au"><title><langstring>A</langstring></title><description><langstring>A</langstring></description><url>index.html</url></au>
</courseStructure>`;
    const report = await check({ 'cmi5.xml': cmi5, 'index.html': PAGE });
    expect(report.findings).toEqual([expect.objectContaining({ severity: 'warning', rule: 'moveon-not-applicable', where: 'cmi5.xml:4' })]);
  });

  it('tincan activity id that is not an IRI', async () => {
    const tincan =
      '<tincan xmlns="http://projecttincan.com/tincan.xsd"><activities>\n<activity id="fire-safety"><launch lang="en">index.html</launch></activity>\n</activities></tincan>';
    const report = await check({ 'tincan.xml': tincan, 'index.html': PAGE });
    expect(report.findings).toEqual([expect.objectContaining({ severity: 'warning', rule: 'activity-id', where: 'tincan.xml:2' })]);
  });
});

describe('detection', () => {
  it('a Coursepack web package needs index.html only', async () => {
    const meta = JSON.stringify({ generator: 'coursepack', standard: 'web' });
    expect((await check({ 'coursepack.json': meta, 'index.html': PAGE })).standard).toBe('web');
    const missing = await check({ 'coursepack.json': meta, 'start.html': PAGE });
    expect(errors(missing)).toEqual([expect.objectContaining({ rule: 'missing-launch-file', where: 'index.html' })]);
  });

  it('no descriptor at all', async () => {
    const report = await check({ 'index.html': PAGE });
    expect([report.standard, errors(report).map((f) => f.rule)]).toEqual(['unknown', ['no-descriptor']]);
  });

  it('SCORM manifest and tincan.xml together: checked as SCORM, with a note', async () => {
    const tincan = '<tincan xmlns="http://projecttincan.com/tincan.xsd"/>';
    const report = await check({ 'imsmanifest.xml': scorm12(), 'index.html': PAGE, 'tincan.xml': tincan });
    expect(report.standard).toBe('scorm12');
    expect(findings(report, 'other-descriptor')).toEqual([expect.objectContaining({ severity: 'info', where: 'tincan.xml' })]);
  });

  it('a suspend-data budget above what SCORM 1.2 LMSes keep', async () => {
    const meta = JSON.stringify({ generator: 'coursepack', standard: 'scorm12', suspendData: { worstCase: 3000, limit: 64000 } });
    const report = await check({ 'imsmanifest.xml': scorm12(), 'index.html': PAGE, 'coursepack.json': meta });
    expect(findings(report, 'suspend-data-limit')).toEqual([expect.objectContaining({ severity: 'warning', where: 'coursepack.json' })]);
  });

  it('a manifest that is not well-formed', async () => {
    const report = await check({ 'imsmanifest.xml': scorm12().replace('</organizations>', ''), 'index.html': PAGE });
    expect(errors(report)).toEqual([expect.objectContaining({ rule: 'not-well-formed', where: expect.stringMatching(/^imsmanifest\.xml:\d+$/) })]);
  });
});
