/**
 * `coursepack.json` at the package root marks a package built by Coursepack; it carries the
 * compiler's worst-case suspend-data size, which only the compiler can compute.
 */
import { z } from 'zod';
import type { FileIndex } from './file-index';
import type { Finding, Standard } from './report';
import type { PackageSource } from './source';

export const COURSEPACK_FILE = 'coursepack.json';

const CoursepackMeta = z.object({
  generator: z.literal('coursepack'),
  standard: z.string(),
  suspendData: z.object({ worstCase: z.number().nonnegative(), limit: z.number().positive().optional() }).optional(),
});

export type CoursepackMeta = z.infer<typeof CoursepackMeta>;

/** What LMSes enforce for cmi.suspend_data (SCORM 1.2 RTE; SCORM 2004 3rd/4th edition). */
const SUSPEND_DATA_LIMITS: Partial<Record<Standard, number>> = { scorm12: 4096, scorm2004: 64000 };

export async function readCoursepackMeta(
  source: PackageSource,
  files: FileIndex,
): Promise<{ meta?: CoursepackMeta; findings: Finding[] }> {
  if (!files.has(COURSEPACK_FILE)) return { findings: [] };
  let json: unknown;
  try {
    json = JSON.parse((await source.read(COURSEPACK_FILE)).toString('utf8'));
  } catch {
    return { findings: [warn('coursepack.json is not valid JSON')] };
  }
  if (!json || typeof json !== 'object' || (json as { generator?: unknown }).generator !== 'coursepack') {
    return { findings: [] }; // someone else's coursepack.json: not ours to judge
  }
  const parsed = CoursepackMeta.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { findings: [warn(`coursepack.json: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected shape'}`)] };
  }
  return { meta: parsed.data, findings: [] };
}

export function suspendDataFindings(meta: CoursepackMeta, standard: Standard): Finding[] {
  const findings: Finding[] = [];
  if (meta.standard !== standard && standard !== 'unknown') {
    findings.push(warn(`coursepack.json says the package is ${meta.standard}, but it looks like ${standard}`));
  }
  const data = meta.suspendData;
  if (!data) return findings;
  const { worstCase } = data;
  const lmsLimit = SUSPEND_DATA_LIMITS[standard];
  // Web and xAPI packages keep the bookmark locally or in the State API: no standard limit.
  const limit = data.limit ?? lmsLimit;
  if (limit === undefined) return findings;
  if (lmsLimit !== undefined && limit > lmsLimit) {
    findings.push({
      severity: 'warning',
      rule: 'suspend-data-limit',
      where: COURSEPACK_FILE,
      message: `the suspend-data budget ${limit} is above the ${lmsLimit} characters ${standard} LMSes are required to keep`,
      hint: 'Strict LMSes (Moodle with "scormstandard" on, for SCORM 1.2) reject or truncate the bookmark and learners restart from the beginning.',
    });
  }
  const share = Math.round((worstCase / limit) * 100);
  if (worstCase > limit) {
    findings.push({
      severity: 'error',
      rule: 'suspend-data-size',
      where: COURSEPACK_FILE,
      message: `worst-case suspend data is ${worstCase} characters, over the limit of ${limit} (${share}%)`,
      hint: 'Resume would fail for learners who answer everything; split the course or reduce saved answers (long free-text answers cost most).',
    });
  } else {
    findings.push({
      severity: share >= 90 ? 'warning' : 'info',
      rule: 'suspend-data-size',
      where: COURSEPACK_FILE,
      message: `worst-case suspend data is ${worstCase} of ${limit} characters (${share}%)`,
      hint: share >= 90 ? 'Close to the limit: adding content may break resume.' : undefined,
    });
  }
  return findings;
}

function warn(message: string): Finding {
  return { severity: 'warning', rule: 'coursepack-json', where: COURSEPACK_FILE, message };
}
