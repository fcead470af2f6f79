import { checkPackage, type Severity, type Standard } from '../../src/conformance';
import { fixture, tempDir, zipFolder } from './helpers';

type Expected = [Severity, string, string][];

/** Each fixture, the standard it must be detected as, and exactly the findings it must produce. */
const CORPUS: [name: string, standard: Standard, expected: Expected][] = [
  ['scorm12-valid', 'scorm12', [['info', 'suspend-data-size', 'coursepack.json']]],
  ['scorm2004-valid', 'scorm2004', [['info', 'suspend-data-size', 'coursepack.json']]],
  ['cmi5-valid', 'cmi5', []],
  ['tincan-valid', 'xapi', []],
  ['scorm12-missing-launch', 'scorm12', [['error', 'missing-launch-file', 'imsmanifest.xml:21']]],
  ['scorm12-bad-identifierref', 'scorm12', [['error', 'bad-identifierref', 'imsmanifest.xml:14']]],
  ['scorm12-masteryscore-range', 'scorm12', [['warning', 'masteryscore-range', 'imsmanifest.xml:14']]],
  ['scorm12-unlisted-file', 'scorm12', [['warning', 'unlisted-file', 'notes-old.txt']]],
  ['scorm12-suspend-data-over-limit', 'scorm12', [['error', 'suspend-data-size', 'coursepack.json']]],
  ['scorm2004-xsd-invalid', 'scorm2004', [['error', 'xsd', 'imsmanifest.xml:26']]],
  ['scorm2004-no-completion-set-by-content', 'scorm2004', [['warning', 'completion-set-by-content', 'imsmanifest.xml:17']]],
  [
    'scorm2004-multi-sco-sequencing',
    'scorm2004',
    [
      ['warning', 'multiple-scos', 'imsmanifest.xml:15'],
      ['warning', 'sequencing-unsupported', 'imsmanifest.xml:15'],
    ],
  ],
  ['cmi5-missing-au', 'cmi5', [['error', 'missing-launch-file', 'cmi5.xml:7']]],
  ['cmi5-xsd-invalid', 'cmi5', [['error', 'xsd', 'cmi5.xml:7']]],
  ['tincan-no-namespace', 'xapi', [['error', 'tincan-namespace', 'tincan.xml:2']]],
  ['tincan-no-launch', 'xapi', [['error', 'tincan-no-launch', 'tincan.xml:2']]],
];

const summary = (findings: { severity: Severity; rule: string; where: string }[]): Expected =>
  findings.map((f) => [f.severity, f.rule, f.where]);

describe('checkPackage on the fixture corpus', () => {
  let temp: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    temp = await tempDir();
  });
  afterAll(() => temp.cleanup());

  describe.each(CORPUS)('%s', (name, standard, expected) => {
    const ok = !expected.some(([severity]) => severity === 'error');

    it(`as a folder: ${standard}, ${ok ? 'valid' : 'invalid'}, exactly the expected findings`, async () => {
      const report = await checkPackage(fixture(name));
      expect({ standard: report.standard, ok: report.ok, findings: summary(report.findings) }).toEqual({ standard, ok, findings: expected });
    });

    it('as a zip: the same report', async () => {
      const zip = await temp.write(`${name}.zip`, await zipFolder(fixture(name)));
      const report = await checkPackage(zip);
      expect({ standard: report.standard, ok: report.ok, findings: summary(report.findings) }).toEqual({ standard, ok, findings: expected });
    });
  });

  it('explains each defect with a message and, for errors, a hint', async () => {
    const report = await checkPackage(fixture('scorm12-bad-identifierref'));
    expect(report.findings).toEqual([
      {
        severity: 'error',
        rule: 'bad-identifierref',
        where: 'imsmanifest.xml:14',
        message: 'item "item-1" points to "sco-9", which is not a resource in the manifest',
        hint: 'Use the identifier of a <resource>: "sco-1".',
      },
    ]);
  });

  it('reports the worst-case suspend data against the limit', async () => {
    const report = await checkPackage(fixture('scorm12-suspend-data-over-limit'));
    expect(report.findings[0]?.message).toBe('worst-case suspend data is 5200 characters, over the limit of 4096 (127%)');
  });
});
