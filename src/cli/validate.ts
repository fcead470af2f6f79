/**
 * `coursepack validate <zip-or-folder…> [--json]`: checks built packages the way an LMS would
 * see them. Exit 0 all valid, 1 any invalid, 2 any unreadable input or bad usage.
 */
import { checkPackage, formatReport, PackageUnreadableError, type Report } from '../conformance';
import { EXIT, parseCommand, UsageError, type CommandSpec } from './args';

type Outcome = { input: string; code: number } & ({ report: Report } | { error: { rule: string; where: string; message: string; hint?: string } });

async function validateOne(input: string): Promise<Outcome> {
  try {
    const report = await checkPackage(input);
    return { input, code: report.ok ? EXIT.ok : EXIT.content, report };
  } catch (err) {
    const error =
      err instanceof PackageUnreadableError
        ? { rule: err.rule, where: err.where, message: err.message, ...(err.hint ? { hint: err.hint } : {}) }
        : { rule: 'internal-error', where: input, message: `could not check the package: ${err instanceof Error ? err.message : String(err)}` };
    return { input, code: EXIT.usage, error };
  }
}

const asJson = (o: Outcome) => ('report' in o ? { input: o.input, ...o.report } : { input: o.input, ok: false, error: o.error });

const asText = (o: Outcome) =>
  'report' in o ? formatReport(o.input, o.report) : `coursepack validate: ${o.error.message}\n${o.error.hint ? `  hint: ${o.error.hint}\n` : ''}`;

export const validateCommand: CommandSpec = {
  name: 'validate',
  synopsis: '<zip-or-folder…> [--json]',
  summary: 'checks SCORM 1.2 / 2004, cmi5 or xAPI (Tin Can) packages, ours or another tool\'s: XSDs, files, references, entry sizes, known LMS traps',
  description: 'Exit status for validate: 0 every package valid, 1 some package invalid, 2 unreadable input or usage error.\nWith --json, one package prints one report object; several print an array of them.',
  options: { json: { type: 'boolean', default: false, description: 'print the report(s) as JSON (for CI)' } },
  async run(args, { out }) {
    const { values, positionals } = parseCommand(validateCommand, args);
    if (positionals.length === 0) throw new UsageError('missing package path');
    const outcomes: Outcome[] = [];
    for (const input of positionals) outcomes.push(await validateOne(input));
    if (values.json) {
      const reports = outcomes.map(asJson);
      out.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
    } else out.write(outcomes.map(asText).join('\n'));
    return Math.max(...outcomes.map((o) => o.code));
  },
};
