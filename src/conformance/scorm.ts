/** Checks a SCORM package: version, manifest schema, integrity, LMS traps. */
import type { FileIndex } from './file-index';
import { at, type Finding } from './report';
import { checkScormIntegrity } from './scorm-checks';
import { MANIFEST_FILE, MANIFEST_REPEATED, readManifest, type ScormManifest } from './scorm-manifest';
import { checkScormTraps } from './scorm-traps';
import { notWellFormed, xsdFindings } from './xml-findings';
import { IMSMD_NAMESPACE } from './xsd';
import { parseXml } from './xml';

export interface ScormResult {
  version?: 'scorm12' | 'scorm2004';
  findings: Finding[];
}

export async function checkScorm(xml: string, files: FileIndex): Promise<ScormResult> {
  const doc = parseXml(xml, MANIFEST_REPEATED);
  if ('error' in doc) {
    return { findings: [notWellFormed(MANIFEST_FILE, doc.error, doc.line)] };
  }
  const manifest = readManifest(doc, xml);
  if (!manifest) {
    return { findings: [{ severity: 'error', rule: 'manifest-root', where: MANIFEST_FILE, message: 'the root element is not <manifest>' }] };
  }
  const { version, findings } = detectVersion(manifest);
  if (!version) return { findings };
  findings.push(...(await xsdFindings(version, xml, MANIFEST_FILE)));
  if (version === 'scorm12' && xml.includes(IMSMD_NAMESPACE)) {
    findings.push({
      severity: 'info',
      rule: 'metadata-not-checked',
      where: MANIFEST_FILE,
      message: 'inline IMS metadata (imsmd) is not schema-checked',
      hint: 'The IMS metadata 1.2.1 schema does not compile in current libxml2; the rest of the manifest is checked.',
    });
  }
  findings.push(...checkScormIntegrity(manifest, files), ...checkScormTraps(manifest, version));
  return { version, findings };
}

function detectVersion(manifest: ScormManifest): { version?: 'scorm12' | 'scorm2004'; findings: Finding[] } {
  const declared = manifest.schemaversion;
  const byNamespace = manifest.namespaceVersion;
  const where = at(MANIFEST_FILE, manifest.line);
  const findings: Finding[] = [];
  let version: 'scorm12' | 'scorm2004' | undefined;
  if (declared === '1.2') version = 'scorm12';
  else if (declared && /^(2004\b|CAM 1\.3$)/.test(declared)) version = 'scorm2004';

  if (!version) {
    version = byNamespace;
    findings.push({
      severity: version ? 'warning' : 'error',
      rule: 'schemaversion',
      where,
      message: declared
        ? `unknown <schemaversion> "${declared}"`
        : '<metadata><schemaversion> is missing',
      hint: 'Use "1.2" for SCORM 1.2 or "2004 4th Edition" for SCORM 2004: LMSes pick the API version from it.',
    });
  } else if (byNamespace && byNamespace !== version) {
    findings.push({
      severity: 'error',
      rule: 'schemaversion',
      where,
      message: `<schemaversion> "${declared ?? ''}" does not match the manifest namespace (${byNamespace === 'scorm12' ? 'SCORM 1.2' : 'SCORM 2004'})`,
      hint: 'The LMS would offer the wrong API to the content.',
    });
  }
  if (version === 'scorm2004' && declared && declared !== '2004 4th Edition') {
    findings.push({
      severity: 'info',
      rule: 'scorm-edition',
      where,
      message: `SCORM 2004 edition "${declared}" is checked against the 4th Edition schemas`,
    });
  }
  return { version, findings };
}
