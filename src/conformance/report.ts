/** The conformance report: what `coursepack validate` prints and what CI reads as JSON. */

export type Standard = 'scorm12' | 'scorm2004' | 'cmi5' | 'xapi' | 'web' | 'unknown';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  severity: Severity;
  /** Stable rule id, e.g. `missing-file`, `zip-slip`. */
  rule: string;
  /** `file[:line]` inside the package (or the input path for package-level problems). */
  where: string;
  message: string;
  hint?: string;
}

export interface Report {
  standard: Standard;
  /** True when there is no finding of severity `error`. */
  ok: boolean;
  findings: Finding[];
}

export function makeReport(standard: Standard, findings: Finding[]): Report {
  const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const sorted = findings
    .map((f) => (f.hint === undefined ? { severity: f.severity, rule: f.rule, where: f.where, message: f.message } : f))
    .sort((a, b) => order[a.severity] - order[b.severity]);
  return { standard, ok: !sorted.some((f) => f.severity === 'error'), findings: sorted };
}

export function at(file: string, line?: number): string {
  return line === undefined ? file : `${file}:${line}`;
}
