/** Checks a cmi5 package: cmi5.xml against the course-structure schema, AU urls, moveOn traps. */
import type { FileIndex } from './file-index';
import { checkReference } from './references';
import { at, type Finding } from './report';
import { notWellFormed, xsdFindings } from './xml-findings';
import { attr, child, children, parseXml, type XmlDocument, type XmlNode } from './xml';

export const CMI5_FILE = 'cmi5.xml';

export async function checkCmi5(xml: string, files: FileIndex): Promise<Finding[]> {
  const doc = parseXml(xml, ['au', 'block', 'objective', 'langstring']);
  if ('error' in doc) return [notWellFormed(CMI5_FILE, doc.error, doc.line)];
  const findings = await xsdFindings('cmi5', xml, CMI5_FILE);
  const root = child(doc.root, 'courseStructure');
  if (!root) return findings; // the schema error already says what the root should be
  const aus = collectAus(root);
  if (aus.length === 0) {
    findings.push({ severity: 'error', rule: 'no-au', where: at(CMI5_FILE, doc.lineOf(root)), message: 'the course has no <au>, so there is nothing to launch' });
  }
  for (const au of aus) findings.push(...checkAu(doc, au, files));
  return findings;
}

function collectAus(node: XmlNode): XmlNode[] {
  return [...children(node, 'au'), ...children(node, 'block').flatMap(collectAus)];
}

function checkAu(doc: XmlDocument, au: XmlNode, files: FileIndex): Finding[] {
  const where = at(CMI5_FILE, doc.lineOf(au));
  const id = attr(au, 'id') ?? '?';
  const url = attr(au, 'url');
  const findings: Finding[] = [];
  if (url) {
    const { resolved, findings: found } = checkReference(files, { href: url, where, role: `AU "${id}" url`, launch: true });
    findings.push(...found);
    if (resolved.kind === 'url') {
      findings.push({ severity: 'info', rule: 'au-external', where, message: `AU "${id}" is hosted outside the package (${url})` });
    }
  }
  if ((attr(au, 'moveOn') ?? 'NotApplicable') === 'NotApplicable') {
    findings.push({
      severity: 'warning',
      rule: 'moveon-not-applicable',
      where,
      message: `AU "${id}" has moveOn "NotApplicable" (the default)`,
      hint: 'The LMS treats such an AU as satisfied without the learner doing anything; set moveOn to Completed, Passed, CompletedAndPassed or CompletedOrPassed.',
    });
  }
  return findings;
}
