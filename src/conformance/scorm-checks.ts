/** Integrity of a SCORM manifest: every reference resolves, every referenced file ships. */
import { COURSEPACK_FILE } from './coursepack-meta';
import type { FileIndex } from './file-index';
import { checkReference } from './references';
import { at, type Finding } from './report';
import { MANIFEST_FILE, type ScormItem, type ScormManifest, type ScormResource } from './scorm-manifest';

/** Files an LMS never needs listed: the manifest itself, schema copies, our build marker. */
const NEVER_LISTED = /^(imsmanifest\.xml|coursepack\.json|[^/]+\.(xsd|dtd))$|(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$)/i;
const UNLISTED_SHOWN = 10;

export function checkScormIntegrity(manifest: ScormManifest, files: FileIndex): Finding[] {
  const findings: Finding[] = [];
  const where = (line?: number): string => at(MANIFEST_FILE, line);
  const resources = new Map<string, ScormResource>();
  for (const r of manifest.resources) if (r.identifier) resources.set(r.identifier, r);

  findings.push(...checkOrganizations(manifest, where));

  for (const org of manifest.organizations) {
    for (const item of org.items) findings.push(...checkItem(item, resources, manifest.subManifests, where));
  }

  const listed = new Set<string>();
  for (const r of manifest.resources) {
    const refs = [
      ...(r.href ? [{ href: r.href, line: r.line, role: `resource "${r.identifier ?? '?'}" href`, launch: isLaunched(r, manifest) }] : []),
      ...r.files.map((f) => ({ href: f.href, line: f.line, role: 'file', launch: false })),
    ];
    const checked = new Set<string>();
    for (const ref of refs) {
      const { resolved, findings: found } = checkReference(files, { ...ref, base: r.base, where: where(ref.line) });
      // The launch file is usually listed again as a <file>: report a missing one once.
      if (resolved.kind !== 'file' || !checked.has(resolved.path)) findings.push(...found);
      if (resolved.kind === 'file') {
        checked.add(resolved.path);
        listed.add(resolved.path);
      }
    }
    for (const dep of r.dependencies) {
      if (!dep.identifierref || !resources.has(dep.identifierref)) {
        findings.push({
          severity: 'error',
          rule: 'bad-dependency',
          where: where(dep.line),
          message: `resource "${r.identifier ?? '?'}" depends on "${dep.identifierref ?? ''}", which is not a resource in the manifest`,
        });
      }
    }
  }
  for (const loc of manifest.metadataLocations) {
    const { resolved, findings: found } = checkReference(files, { href: loc.href, where: where(loc.line), role: 'metadata file' });
    findings.push(...found);
    if (resolved.kind === 'file') listed.add(resolved.path);
  }

  findings.push(...unlistedFiles(files, listed));
  return findings;
}

function checkOrganizations(manifest: ScormManifest, where: (line?: number) => string): Finding[] {
  const orgs = manifest.organizations;
  const findings: Finding[] = [];
  if (orgs.length === 0) {
    findings.push({
      severity: 'error',
      rule: 'no-organization',
      where: where(manifest.organizationsLine ?? manifest.line),
      message: 'the manifest has no organization, so an LMS finds nothing to launch',
    });
  } else if (!manifest.defaultOrganization) {
    findings.push({
      severity: 'warning',
      rule: 'default-organization',
      where: where(manifest.organizationsLine),
      message: '<organizations> has no default attribute',
      hint: 'LMSes differ on which organization they pick; set default to the organization\'s identifier.',
    });
  } else if (!orgs.some((o) => o.identifier === manifest.defaultOrganization)) {
    findings.push({
      severity: 'error',
      rule: 'default-organization',
      where: where(manifest.organizationsLine),
      message: `default organization "${manifest.defaultOrganization}" does not exist`,
      hint: `Set default to one of: ${orgs.map((o) => `"${o.identifier ?? ''}"`).join(', ')}.`,
    });
  }
  if (orgs.length > 0 && !orgs.some((o) => o.items.some((i) => i.identifierref))) {
    findings.push({
      severity: 'error',
      rule: 'nothing-to-launch',
      where: where(orgs[0]?.line),
      message: 'no item points to a resource, so an LMS finds nothing to launch',
    });
  }
  return findings;
}

function checkItem(
  item: ScormItem,
  resources: Map<string, ScormResource>,
  subManifests: string[],
  where: (line?: number) => string,
): Finding[] {
  const ref = item.identifierref;
  if (ref === undefined) return [];
  const target = resources.get(ref);
  if (!target) {
    if (subManifests.includes(ref)) return [];
    return [
      {
        severity: 'error',
        rule: 'bad-identifierref',
        where: where(item.line),
        message: `item "${item.identifier ?? '?'}" points to "${ref}", which is not a resource in the manifest`,
        hint: `Use the identifier of a <resource>${resources.size ? `: ${[...resources.keys()].map((k) => `"${k}"`).join(', ')}` : ''}.`,
      },
    ];
  }
  if (!target.href) {
    return [
      {
        severity: 'error',
        rule: 'resource-not-launchable',
        where: where(item.line),
        message: `item "${item.identifier ?? '?'}" launches resource "${ref}", which has no href`,
      },
    ];
  }
  return [];
}

function isLaunched(resource: ScormResource, manifest: ScormManifest): boolean {
  return manifest.organizations.some((o) => o.items.some((i) => i.identifierref === resource.identifier));
}

/** SCORM packages list their files; unlisted ones are often forgotten or stale. */
function unlistedFiles(files: FileIndex, listed: Set<string>): Finding[] {
  const unlisted = files.paths.filter((p) => !listed.has(p) && !NEVER_LISTED.test(p) && p !== COURSEPACK_FILE);
  const findings: Finding[] = unlisted.slice(0, UNLISTED_SHOWN).map((p) => ({
    severity: 'warning',
    rule: 'unlisted-file',
    where: p,
    message: `"${p}" is in the package but not listed in ${MANIFEST_FILE}`,
    hint: 'Add a <file href> to the resource that uses it, or remove it if it is stale (some LMSes and repositories copy only listed files).',
  }));
  if (unlisted.length > UNLISTED_SHOWN) {
    findings.push({
      severity: 'warning',
      rule: 'unlisted-file',
      where: unlisted[UNLISTED_SHOWN] ?? MANIFEST_FILE,
      message: `${unlisted.length - UNLISTED_SHOWN} more files are not listed in ${MANIFEST_FILE}`,
    });
  }
  return findings;
}
