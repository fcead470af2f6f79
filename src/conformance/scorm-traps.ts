/**
 * Valid-but-risky SCORM manifests: things the schemas accept that real LMSes get wrong.
 * Each warning says which LMS behaviour it guards against (see runtime-requirements §4, §K).
 */
import { at, type Finding } from './report';
import { MANIFEST_FILE, type ScormItem, type ScormManifest, type ScormResource } from './scorm-manifest';
import { attr, child } from './xml';

type Version = 'scorm12' | 'scorm2004';

/** imsss:sequencing children that make the LMS's sequencer drive navigation or rollup. */
const SEQUENCING_RULES = [
  'controlMode', 'sequencingRules', 'limitConditions', 'auxiliaryResources', 'rollupRules', 'objectives',
  'randomizationControls', 'rollupConsiderations', 'constrainedChoiceConsiderations',
];

export function checkScormTraps(manifest: ScormManifest, version: Version): Finding[] {
  const findings: Finding[] = [];
  const resources = new Map<string, ScormResource>();
  for (const r of manifest.resources) if (r.identifier) resources.set(r.identifier, r);
  const org = manifest.organizations.find((o) => o.identifier === manifest.defaultOrganization) ?? manifest.organizations[0];
  const launched = (org?.items ?? []).flatMap((item) => {
    const resource = item.identifierref ? resources.get(item.identifierref) : undefined;
    return resource ? [{ item, resource }] : [];
  });
  const scos = launched.filter(({ resource }) => resource.scormType === 'sco');

  for (const { item, resource } of launched) findings.push(...launchUrlTraps(item, resource));
  if (version === 'scorm12') {
    for (const { item } of launched) findings.push(...masteryScoreTrap(item));
  } else {
    for (const { item } of scos) findings.push(...deliveryControlsTrap(item));
  }

  const distinctScos = new Set(scos.map(({ resource }) => resource.identifier));
  if (distinctScos.size > 1) {
    const usesSequencing =
      version === 'scorm2004' &&
      [org?.sequencing, ...launched.map(({ item }) => item.sequencing)].some(hasSequencingRules);
    findings.push({
      severity: 'warning',
      rule: 'multiple-scos',
      where: at(MANIFEST_FILE, org?.line),
      message: `the package has ${distinctScos.size} SCOs`,
      hint: 'LMSes track and roll up multi-SCO packages differently (Moodle launches the next SCO automatically when "auto-continue" is on); a single SCO is tracked the same everywhere.',
    });
    if (usesSequencing) {
      findings.push({
        severity: 'warning',
        rule: 'sequencing-unsupported',
        where: at(MANIFEST_FILE, org?.line),
        message: 'the SCOs rely on SCORM 2004 sequencing rules',
        hint: 'Moodle does not implement sequencing (only continue/previous navigation requests): learners can open SCOs in any order and rollup does not happen there.',
      });
    }
  }
  return findings;
}

function launchUrlTraps(item: ScormItem, resource: ScormResource): Finding[] {
  const href = resource.href ?? '';
  const where = at(MANIFEST_FILE, resource.line);
  const findings: Finding[] = [];
  const warn = (rule: string, message: string, hint: string, line = where): void => {
    findings.push({ severity: 'warning', rule, where: line, message, hint });
  };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(href)) {
    warn('external-launch', `resource "${resource.identifier ?? '?'}" launches an external URL (${href})`,
      'The content is not in the package: it breaks offline, behind firewalls, and the SCORM API is usually unreachable cross-origin.');
    return findings;
  }
  if (href.includes('?') && item.parameters) {
    warn('launch-query', `launch href "${href}" has a query string and item "${item.identifier ?? '?'}" adds parameters "${item.parameters}"`,
      'LMSes join the two differently (some produce a second "?"); keep launch parameters in one place, preferably the item\'s parameters attribute.');
  }
  if (href.includes('#')) {
    warn('launch-fragment', `launch href "${href}" has a fragment`,
      'LMSes append parameters after the href, so they end up inside the fragment where the server never sees them; drop the "#...".');
  }
  if (/[\s]|[^\x21-\x7e]/.test(href)) {
    warn('launch-url-encoding', `launch href "${href}" contains spaces or non-ASCII characters`,
      'LMSes encode these inconsistently; rename the file with letters, digits, "-" and "_" only.');
  }
  const params = item.parameters;
  const oddity = !params ? undefined : /\s/.test(params) ? 'contain spaces' : /^[?#&]/.test(params) ? undefined : 'do not start with "?", "&" or "#"';
  if (params && oddity) {
    warn('launch-parameters', `item "${item.identifier ?? '?'}" parameters "${params}" ${oddity}`,
      'The SCORM CAM rules for joining href and parameters expect "?name=value" (or "#..."); unusual values are joined inconsistently.',
      at(MANIFEST_FILE, item.line));
  }
  return findings;
}

function masteryScoreTrap(item: ScormItem): Finding[] {
  if (item.masteryscore === undefined) return [];
  const score = Number(item.masteryscore);
  if (item.masteryscore !== '' && Number.isFinite(score) && score >= 0 && score <= 100) return [];
  return [
    {
      severity: 'warning',
      rule: 'masteryscore-range',
      where: at(MANIFEST_FILE, item.line),
      message: `adlcp:masteryscore "${item.masteryscore}" on item "${item.identifier ?? '?'}" is not a number from 0 to 100`,
      hint: 'SCORM 1.2 scores are percentages: LMSes that apply the mastery score (Moodle "Mastery score overrides status") would fail or pass everyone.',
    },
  ];
}

function deliveryControlsTrap(item: ScormItem): Finding[] {
  const controls = child(item.sequencing, 'deliveryControls');
  const missing = ['completionSetByContent', 'objectiveSetByContent'].filter((name) => attr(controls, name) !== 'true');
  if (missing.length === 0) return [];
  return [
    {
      severity: 'warning',
      rule: 'completion-set-by-content',
      where: at(MANIFEST_FILE, item.line),
      message: `SCO item "${item.identifier ?? '?'}" does not declare ${missing.map((m) => `${m}="true"`).join(' and ')}`,
      hint: 'Add <imsss:sequencing><imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/></imsss:sequencing> to the item: otherwise SAP SuccessFactors and other strict SCORM 2004 LMSes mark the SCO complete/satisfied when the learner exits.',
    },
  ];
}

function hasSequencingRules(sequencing: unknown): boolean {
  if (!sequencing || typeof sequencing !== 'object') return false;
  return SEQUENCING_RULES.some((name) => name in sequencing);
}
