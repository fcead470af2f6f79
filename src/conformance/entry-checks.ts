/**
 * Checks on the list of stored files, before any manifest is read: names an LMS's unzip would
 * write outside its folder (zip-slip), links, clashes that case-insensitive file systems merge.
 */
import { unsafeEntryReason } from './paths';
import type { Finding } from './report';
import type { Limits, PackageEntry, PackageSource } from './source';

const JUNK = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i;

/** Returns the findings and the entries that are safe to look up as package files. */
export function checkEntries(source: PackageSource, limits: Limits): { findings: Finding[]; safe: PackageEntry[] } {
  const findings: Finding[] = [];
  const safe: PackageEntry[] = [];
  const zip = source.kind === 'zip';
  for (const entry of source.entries) {
    const reason = unsafeEntryReason(entry.path);
    if (reason) {
      findings.push({
        severity: 'error',
        rule: 'zip-slip',
        where: entry.path,
        message: `entry "${entry.path}" ${reason}: unzipping it writes outside the package folder`,
        hint: 'Rebuild the zip from the package folder with relative paths only.',
      });
    } else if (entry.symlink) {
      findings.push({
        severity: zip ? 'error' : 'warning',
        rule: 'symlink',
        where: entry.path,
        message: zip
          ? `entry "${entry.path}" is a symbolic link; an LMS that extracts it may expose files outside the package`
          : `"${entry.path}" is a symbolic link; zip tools store it as a link or skip it`,
        hint: 'Copy the real file into the package instead of linking to it.',
      });
    } else if (zip && entry.path.includes('\\')) {
      findings.push({
        severity: 'error',
        rule: 'backslash-path',
        where: entry.path,
        message: `entry "${entry.path}" uses backslashes; LMSes on Linux create one file with "\\" in its name`,
        hint: 'Re-zip with a tool that writes "/" separators (most do; old Windows tools did not).',
      });
    } else {
      safe.push(entry);
    }
  }
  findings.push(...caseClashes(safe), ...junk(safe));
  if (source.entries.length === 0) {
    findings.push({ severity: 'error', rule: 'empty-package', where: source.label, message: 'the package contains no files' });
  }
  if (source.zipBytes !== undefined && source.zipBytes > limits.largeZipBytes) {
    findings.push({
      severity: 'warning',
      rule: 'large-zip',
      where: source.label,
      message: `the zip is ${(source.zipBytes / (1024 * 1024)).toFixed(0)} MB`,
      hint: 'LMS upload limits are often lower (Moodle follows the site\'s PHP upload limit), and learners on slow links wait for every file; compress media or host video elsewhere.',
    });
  }
  return { findings, safe };
}

function caseClashes(entries: readonly PackageEntry[]): Finding[] {
  const seen = new Map<string, string>();
  const findings: Finding[] = [];
  for (const { path } of entries) {
    const key = path.toLowerCase();
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, path);
    } else {
      findings.push({
        severity: 'error',
        rule: 'case-clash',
        where: path,
        message: `"${path}" and "${first}" differ only in letter case; on Windows and macOS one overwrites the other`,
        hint: 'Rename one of them.',
      });
    }
  }
  return findings;
}

function junk(entries: readonly PackageEntry[]): Finding[] {
  const found = entries.filter((e) => JUNK.test(e.path));
  const first = found[0];
  if (!first) return [];
  return [
    {
      severity: 'info',
      rule: 'os-junk',
      where: first.path,
      message: `${found.length} operating-system file(s) such as "${first.path}" are in the package`,
      hint: 'Harmless, but they bloat the package; zip with a tool that leaves them out.',
    },
  ];
}
