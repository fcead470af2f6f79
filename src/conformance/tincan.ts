/**
 * Checks a Tin Can (xAPI) package. No official schema for tincan.xml is public, so it is
 * checked by structure: namespace, activities with ids, a launch file that ships.
 */
import type { FileIndex } from './file-index';
import { checkReference } from './references';
import { at, type Finding } from './report';
import { notWellFormed } from './xml-findings';
import { attr, child, children, parseXml, text } from './xml';

export const TINCAN_FILE = 'tincan.xml';
export const TINCAN_NAMESPACE = 'http://projecttincan.com/tincan.xsd';

export function checkTincan(xml: string, files: FileIndex): Finding[] {
  const doc = parseXml(xml, ['activity', 'launch', 'name', 'description']);
  if ('error' in doc) return [notWellFormed(TINCAN_FILE, doc.error, doc.line)];
  const findings: Finding[] = [];
  const root = child(doc.root, 'tincan');
  if (!root) {
    return [{ severity: 'error', rule: 'tincan-structure', where: TINCAN_FILE, message: 'the root element is not <tincan>' }];
  }
  const rootWhere = at(TINCAN_FILE, doc.lineOf(root));
  const namespace = rootNamespace(xml);
  if (namespace !== TINCAN_NAMESPACE) {
    findings.push({
      severity: 'error',
      rule: 'tincan-namespace',
      where: rootWhere,
      message: namespace ? `<tincan> is in namespace "${namespace}"` : '<tincan> has no namespace',
      hint: `Declare xmlns="${TINCAN_NAMESPACE}"; LMSes look the elements up in that namespace.`,
    });
  }
  const activities = children(child(root, 'activities'), 'activity');
  let launches = 0;
  for (const activity of activities) {
    const where = at(TINCAN_FILE, doc.lineOf(activity));
    const id = attr(activity, 'id');
    if (!id) {
      findings.push({ severity: 'error', rule: 'tincan-structure', where, message: '<activity> has no id attribute' });
    } else if (!/^[A-Za-z][A-Za-z0-9+.-]*:/.test(id)) {
      findings.push({
        severity: 'warning',
        rule: 'activity-id',
        where,
        message: `activity id "${id}" is not an absolute IRI`,
        hint: 'xAPI activity ids must be IRIs such as https://example.org/courses/safety; LRSes reject statements otherwise.',
      });
    }
    for (const launch of children(activity, 'launch')) {
      const href = text(launch);
      if (!href) continue;
      launches++;
      findings.push(...checkReference(files, { href, where: at(TINCAN_FILE, doc.lineOf(launch) ?? doc.lineOf(activity)), role: 'launch', launch: true }).findings);
    }
  }
  if (launches === 0) {
    findings.push({
      severity: 'error',
      rule: 'tincan-no-launch',
      where: rootWhere,
      message: activities.length ? 'no <activity> has a <launch> element' : 'there is no <activities><activity>',
      hint: 'LMSes launch the first activity with a <launch>, e.g. <launch lang="en">index.html</launch>.',
    });
  }
  return findings;
}

/** The namespace of the root element, read from its start tag (the parser drops xmlns). */
function rootNamespace(xml: string): string | undefined {
  const start = /<(?![?!])([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)([^>]*)>/.exec(xml);
  if (!start) return undefined;
  const prefix = start[1] ? `:${start[1].slice(0, -1)}` : '';
  const decl = new RegExp(`\\bxmlns${prefix}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(start[3] ?? '');
  return decl ? (decl[2] ?? decl[3]) : undefined;
}
