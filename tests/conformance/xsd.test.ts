import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SCHEMAS_DIR, validateXml } from '../../src/conformance';
import { fixture } from './helpers';

const read = (name: string, file: string): Promise<string> => fs.readFile(path.join(fixture(name), file), 'utf8');

describe('schemas/', () => {
  it('holds the official files byte for byte, as listed in SOURCES.md', async () => {
    const sources = await fs.readFile(path.join(SCHEMAS_DIR, 'SOURCES.md'), 'utf8');
    const sums = [...sources.matchAll(/^([0-9a-f]{64})  (\S+)$/gm)];
    expect(sums.length).toBeGreaterThan(30);
    for (const [, sum, file] of sums) {
      const bytes = await fs.readFile(path.join(SCHEMAS_DIR, file ?? ''));
      expect([file, createHash('sha256').update(bytes).digest('hex')]).toEqual([file, sum]);
    }
  });
});

describe('validateXml', () => {
  describe('scorm12', () => {
    it('accepts a valid manifest, without the expected "Skipping import" warnings', async () => {
      expect(await validateXml('scorm12', await read('scorm12-valid', 'imsmanifest.xml'))).toEqual({ valid: true, errors: [] });
    });

    it('rejects an element imscp does not allow, with its line', async () => {
      const xml = (await read('scorm12-valid', 'imsmanifest.xml')).replace('<title>Fire safety</title>\n      <item', '<title>Fire safety</title>\n      <lesson/><item');
      const result = await validateXml('scorm12', xml);
      expect(result.valid).toBe(false);
      expect(result.errors).toEqual([{ line: 14, message: expect.stringContaining("Element 'imscp:lesson': This element is not expected") }]);
    });

    it('checks adlcp elements (the driver imports their namespace)', async () => {
      const xml = (await read('scorm12-valid', 'imsmanifest.xml')).replace('adlcp:scormtype="sco"', 'adlcp:scormtype="lesson"');
      const result = await validateXml('scorm12', xml);
      expect(result.valid).toBe(false);
      expect(result.errors[0]).toEqual({ line: 21, message: expect.stringContaining("attribute 'adlcp:scormtype'") });
    });

    it('tolerates inline IMS metadata, which the newer libxml2 cannot schema-check', async () => {
      const lom =
        '<imsmd:lom xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"><imsmd:general><imsmd:title>' +
        '<imsmd:langstring>Fire safety</imsmd:langstring></imsmd:title></imsmd:general></imsmd:lom>';
      const xml = (await read('scorm12-valid', 'imsmanifest.xml')).replace('</schemaversion>', `</schemaversion>${lom}`);
      expect(await validateXml('scorm12', xml)).toEqual({ valid: true, errors: [] });
    });
  });

  describe('scorm2004', () => {
    it('accepts a valid 4th edition manifest', async () => {
      expect(await validateXml('scorm2004', await read('scorm2004-valid', 'imsmanifest.xml'))).toEqual({ valid: true, errors: [] });
    });

    it('rejects a bad adlcp:scormType value', async () => {
      const result = await validateXml('scorm2004', await read('scorm2004-xsd-invalid', 'imsmanifest.xml'));
      expect(result).toEqual({
        valid: false,
        errors: [{ line: 26, message: expect.stringContaining("The value 'lesson' is not an element of the set {'sco', 'asset'}") }],
      });
    });

    it('validates imsss sequencing elements instead of skipping them laxly', async () => {
      const xml = (await read('scorm2004-valid', 'imsmanifest.xml')).replace('completionSetByContent="true"', 'completionSetByContent="yes"');
      const result = await validateXml('scorm2004', xml);
      expect(result.valid).toBe(false);
      expect(result.errors[0]).toEqual({ line: 20, message: expect.stringContaining("'imsss:deliveryControls', attribute 'completionSetByContent'") });
    });

    it('reports XML that is not well-formed with its line', async () => {
      const result = await validateXml('scorm2004', '<?xml version="1.0"?>\n<manifest identifier="x">\n<organizations>\n</manifest>\n');
      expect(result.valid).toBe(false);
      expect(result.errors[0]?.message).toMatch(/^not well-formed XML: /);
      expect(result.errors[0]?.line).toBe(4);
    });
  });

  describe('cmi5', () => {
    it('accepts a valid course structure', async () => {
      expect(await validateXml('cmi5', await read('cmi5-valid', 'cmi5.xml'))).toEqual({ valid: true, errors: [] });
    });

    it('rejects a masteryScore above 1', async () => {
      const result = await validateXml('cmi5', await read('cmi5-xsd-invalid', 'cmi5.xml'));
      expect(result).toEqual({
        valid: false,
        errors: [{ line: 7, message: expect.stringContaining("attribute 'masteryScore': [facet 'maxInclusive'] The value '80'") }],
      });
    });

    it('rejects an AU without url', async () => {
      const xml = (await read('cmi5-valid', 'cmi5.xml')).replace('<url>index.html</url>', '');
      const result = await validateXml('cmi5', xml);
      expect(result.valid).toBe(false);
      expect(result.errors[0]?.message).toContain("Missing child element(s). Expected is one of ( cmi5:objectives, cmi5:url )");
    });
  });

  it('validates concurrent calls independently (schemas are loaded once)', async () => {
    const [good, bad] = await Promise.all([
      validateXml('cmi5', await read('cmi5-valid', 'cmi5.xml')),
      validateXml('cmi5', await read('cmi5-xsd-invalid', 'cmi5.xml')),
    ]);
    expect(good.valid).toBe(true);
    expect(bad.valid).toBe(false);
  });
});
