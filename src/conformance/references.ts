/** Checks that a file named by a manifest (launch file, listed file, AU url) is in the package. */
import type { FileIndex } from './file-index';
import { resolveHref, type ResolvedHref } from './paths';
import type { Finding } from './report';

export interface Reference {
  href: string;
  /** Folder the href is relative to ('' = package root). */
  base?: string;
  where: string;
  /** How the message names it, e.g. 'launch file', 'file', 'AU url'. */
  role: string;
  /** Launch files get their own rule: a missing one means nothing can start. */
  launch?: boolean;
}

export function checkReference(files: FileIndex, ref: Reference): { resolved: ResolvedHref; findings: Finding[] } {
  const resolved = resolveHref(ref.href, ref.base);
  const findings: Finding[] = [];
  const { where, role } = ref;
  if (resolved.kind === 'unsafe') {
    findings.push({
      severity: 'error',
      rule: 'unsafe-href',
      where,
      message: `${role} "${ref.href}" ${resolved.reason}`,
      hint: 'Use a relative path inside the package with forward slashes.',
    });
  } else if (resolved.kind === 'file') {
    if (!files.has(resolved.path)) {
      const variant = files.caseVariant(resolved.path);
      findings.push(
        variant
          ? {
              severity: 'error',
              rule: 'case-mismatch',
              where,
              message: `${role} "${ref.href}" is "${variant}" in the package (letter case differs)`,
              hint: 'Works on Windows, fails on the Linux servers most LMSes run on: make the names match exactly.',
            }
          : {
              severity: 'error',
              rule: ref.launch ? 'missing-launch-file' : 'missing-file',
              where,
              message: `${role} "${ref.href}" is not in the package`,
              hint: ref.launch ? 'Learners would get a "not found" page: add the file or fix the href.' : undefined,
            },
      );
    }
    if (resolved.dotDot) {
      findings.push({
        severity: 'warning',
        rule: 'dot-dot-href',
        where,
        message: `${role} "${ref.href}" uses ".."`,
        hint: 'Some LMSes serve each resource from its own folder; prefer paths without "..".',
      });
    }
  }
  return { resolved, findings };
}
