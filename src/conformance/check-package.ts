/**
 * `checkPackage`: everything `coursepack validate` knows about a zip or folder, as one report.
 * Throws PackageUnreadableError when the input cannot be read as a package at all.
 */
import { checkCmi5, CMI5_FILE } from './cmi5';
import { readCoursepackMeta, suspendDataFindings } from './coursepack-meta';
import { detectDescriptor, type Descriptor } from './detect';
import { checkEntries } from './entry-checks';
import { indexFiles, type FileIndex } from './file-index';
import { checkReference } from './references';
import { makeReport, type Finding, type Report, type Standard } from './report';
import { checkScorm } from './scorm';
import { MANIFEST_FILE } from './scorm-manifest';
import { DEFAULT_LIMITS, openPackage, type Limits, type PackageSource } from './source';
import { checkTincan, TINCAN_FILE } from './tincan';

export interface CheckOptions {
  limits?: Partial<Limits>;
}

export async function checkPackage(input: string, options: CheckOptions = {}): Promise<Report> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const source = await openPackage(input, limits);
  const { findings, safe } = checkEntries(source, limits);
  const files = indexFiles(safe);
  const coursepack = await readCoursepackMeta(source, files);
  findings.push(...coursepack.findings);

  const detected = detectDescriptor(files, source.label, coursepack.meta);
  findings.push(...detected.findings);
  const { standard, findings: standardFindings } = detected.descriptor
    ? await checkDescriptor(detected.descriptor, source, files)
    : { standard: 'unknown' as const, findings: [] };
  findings.push(...standardFindings);

  if (coursepack.meta) findings.push(...suspendDataFindings(coursepack.meta, standard));
  return makeReport(standard, findings);
}

async function checkDescriptor(
  descriptor: Descriptor,
  source: PackageSource,
  files: FileIndex,
): Promise<{ standard: Standard; findings: Finding[] }> {
  switch (descriptor) {
    case 'scorm': {
      const result = await checkScorm(await readText(source, MANIFEST_FILE), files);
      return { standard: result.version ?? 'unknown', findings: result.findings };
    }
    case 'cmi5':
      return { standard: 'cmi5', findings: await checkCmi5(await readText(source, CMI5_FILE), files) };
    case 'xapi':
      return { standard: 'xapi', findings: checkTincan(await readText(source, TINCAN_FILE), files) };
    case 'web':
      return {
        standard: 'web',
        findings: checkReference(files, { href: 'index.html', where: 'index.html', role: 'start page', launch: true }).findings,
      };
  }
}

async function readText(source: PackageSource, file: string): Promise<string> {
  return (await source.read(file)).toString('utf8');
}
