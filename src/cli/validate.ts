/**
 * `coursepack validate <zip-or-folder> [--json]`: checks a built package the way an LMS would
 * see it. Exit 0 valid, 1 invalid, 2 unreadable input or bad usage. Never prints a stack trace.
 */
import { checkPackage, formatReport, PackageUnreadableError } from '../conformance';

const USAGE = `Usage: coursepack validate <package.zip | package-folder> [--json]

Checks a SCORM 1.2, SCORM 2004, cmi5 or xAPI (Tin Can) package: manifest schema, files,
references, unsafe zip entries and known LMS traps.

  --json   print the report as JSON (for CI)

Exit status: 0 valid, 1 invalid, 2 unreadable input or usage error.
`;

export async function runValidate(args: string[], out: NodeJS.WritableStream): Promise<number> {
  const json = args.includes('--json');
  if (args.includes('--help') || args.includes('-h')) {
    out.write(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a.startsWith('-') && a !== '--json');
  const inputs = args.filter((a) => !a.startsWith('-'));
  const input = inputs[0];
  if (unknown.length > 0 || inputs.length !== 1 || input === undefined) {
    const problem = unknown.length ? `unknown option ${unknown[0] ?? ''}` : inputs.length ? 'give one package only' : 'missing package path';
    out.write(json ? `${JSON.stringify({ ok: false, error: { rule: 'usage', message: problem } }, null, 2)}\n` : `coursepack validate: ${problem}\n\n${USAGE}`);
    return 2;
  }
  try {
    const report = await checkPackage(input);
    out.write(json ? `${JSON.stringify({ input, ...report }, null, 2)}\n` : formatReport(input, report));
    return report.ok ? 0 : 1;
  } catch (err) {
    const error =
      err instanceof PackageUnreadableError
        ? { rule: err.rule, where: err.where, message: err.message, ...(err.hint ? { hint: err.hint } : {}) }
        : { rule: 'internal-error', where: input, message: `could not check the package: ${err instanceof Error ? err.message : String(err)}` };
    out.write(
      json
        ? `${JSON.stringify({ input, ok: false, error }, null, 2)}\n`
        : `coursepack validate: ${error.message}\n${'hint' in error && error.hint ? `  hint: ${error.hint}\n` : ''}`,
    );
    return 2;
  }
}
