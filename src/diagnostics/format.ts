import type { Diagnostic } from './diagnostic';

/** One line per problem: `file:line:col  message  hint`, errors first, in file order. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const sorted = [...diagnostics].sort(
    (a, b) =>
      Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
      a.file.localeCompare(b.file) ||
      a.line - b.line,
  );
  return sorted
    .map((d) => {
      const where = `${d.file}:${d.line}:${d.column}`;
      const label = d.severity === 'error' ? 'error' : 'warning';
      return `${where}  ${label}: ${d.message}${d.hint ? `  (${d.hint})` : ''}  [${d.rule}]`;
    })
    .join('\n');
}
