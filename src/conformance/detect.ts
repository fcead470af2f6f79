/** Which standard a package follows, told by the descriptor file at its root. */
import { CMI5_FILE } from './cmi5';
import type { CoursepackMeta } from './coursepack-meta';
import type { FileIndex } from './file-index';
import type { Finding } from './report';
import { MANIFEST_FILE } from './scorm-manifest';
import { TINCAN_FILE } from './tincan';

export type Descriptor = 'scorm' | 'cmi5' | 'xapi' | 'web';

const DESCRIPTOR_FILES: { file: string; kind: Exclude<Descriptor, 'web'> }[] = [
  { file: MANIFEST_FILE, kind: 'scorm' },
  { file: CMI5_FILE, kind: 'cmi5' },
  { file: TINCAN_FILE, kind: 'xapi' },
];

/** Coursepack's build targets, mapped to the descriptor each one writes. */
const BY_TARGET: Record<string, Descriptor> = { scorm12: 'scorm', scorm2004: 'scorm', cmi5: 'cmi5', xapi: 'xapi', web: 'web' };

export function detectDescriptor(
  files: FileIndex,
  label: string,
  meta?: CoursepackMeta,
): { descriptor?: Descriptor; findings: Finding[] } {
  const present = DESCRIPTOR_FILES.filter((d) => files.has(d.file));
  const wanted = meta ? BY_TARGET[meta.standard] : undefined;
  const chosen = present.find((d) => d.kind === wanted) ?? present[0];
  if (chosen) {
    const others = present.filter((d) => d !== chosen);
    return {
      descriptor: chosen.kind,
      findings: others.map((d) => ({
        severity: 'info',
        rule: 'other-descriptor',
        where: d.file,
        message: `${d.file} is also present; checked as ${chosen.file}, which is what most LMSes look for first`,
      })),
    };
  }
  if (wanted === 'web') return { descriptor: 'web', findings: [] };
  return { findings: [missingDescriptor(files, label)] };
}

function missingDescriptor(files: FileIndex, label: string): Finding {
  if (files.has('course.yaml')) {
    return {
      severity: 'error',
      rule: 'course-source',
      where: 'course.yaml',
      message: `${label} is a Coursepack course source folder, not a package`,
      hint: `build it first: coursepack build ${label}, then validate the zips it writes to dist/`,
    };
  }
  const names = DESCRIPTOR_FILES.map((d) => d.file);
  for (const name of names) {
    const variant = files.caseVariant(name);
    if (variant) {
      return {
        severity: 'error',
        rule: 'descriptor-name',
        where: variant,
        message: `"${variant}" must be named exactly "${name}"`,
        hint: 'LMSes on Linux look the name up case-sensitively.',
      };
    }
  }
  const nested = files.paths.find((p) => names.includes((p.split('/').pop() ?? '').toLowerCase()));
  if (nested) {
    return {
      severity: 'error',
      rule: 'descriptor-not-at-root',
      where: nested,
      message: `${nested.split('/').pop() ?? ''} is inside a folder, not at the root of the package`,
      hint: 'Zip the contents of the package folder, not the folder itself: LMSes look for the descriptor at the top of the zip.',
    };
  }
  return {
    severity: 'error',
    rule: 'no-descriptor',
    where: label,
    message: `no ${names.join(', ')} at the root of the package`,
    hint: 'Every SCORM package needs imsmanifest.xml, cmi5 needs cmi5.xml and Tin Can needs tincan.xml at the top level.',
  };
}
