/** Human-readable report: findings grouped by severity, each with where, rule, message and hint. */
import type { Report, Severity, Standard } from './report';

const STANDARD_NAMES: Record<Standard, string> = {
  scorm12: 'SCORM 1.2 package',
  scorm2004: 'SCORM 2004 package',
  cmi5: 'cmi5 package',
  xapi: 'xAPI (Tin Can) package',
  web: 'web package (no tracking)',
  unknown: 'standard not recognised',
};

const HEADINGS: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };

export function formatReport(input: string, report: Report): string {
  const lines = [`${input}: ${STANDARD_NAMES[report.standard]}`];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push('', `${HEADINGS[severity]} (${group.length})`);
    for (const f of group) {
      lines.push(`  ${f.where}  [${f.rule}]`, `    ${f.message}`);
      if (f.hint) lines.push(`    hint: ${f.hint}`);
    }
  }
  const errors = count(report, 'error');
  const warnings = count(report, 'warning');
  lines.push(
    '',
    report.ok
      ? `Valid${warnings ? ` (${plural(warnings, 'warning')})` : ''}.`
      : `Invalid: ${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}

function count(report: Report, severity: Severity): number {
  return report.findings.filter((f) => f.severity === severity).length;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
