import { readFileSync } from 'node:fs';
import path from 'node:path';
import { commandHelp, EXIT, UsageError, usageLine, wantsHelp, type CommandSpec } from './args';
import { buildCommand } from './build';
import { initCommand } from './init';
import { previewCommand } from './preview';
import { reportCommand } from './report';
import { translateCommand } from './translate';
import { validateCommand } from './validate';

/** One entry per command; each lives in its own file and declares its flags as a CommandSpec. */
export const commands: CommandSpec[] = [buildCommand, previewCommand, initCommand, validateCommand, translateCommand, reportCommand];

/** The version in package.json; tests and tsc builds both sit two folders below it. */
export function version(): string {
  return (JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;
}

const usage = () =>
  `Coursepack ${version()}: one course source → SCORM 1.2, SCORM 2004, xAPI, cmi5 and web packages.\n\nUsage:\n${commands
    .map((c) => `  ${usageLine(c)}\n      ${c.summary}`)
    .join('\n')}\n\n  coursepack <command> --help   the options of one command\n  coursepack --version\n\nExit status: 0 success, 1 content errors (nothing written), 2 usage errors.\n`;

/** argv → exit code. Never lets a stack trace reach the user unless CP_DEBUG is set. */
export async function main(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    out.write(`coursepack ${version()}\n`);
    return EXIT.ok;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const about = name === 'help' && rest[0] ? commands.find((c) => c.name === rest[0]) : undefined;
    (name ? out : err).write(about ? commandHelp(about) : usage());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    err.write(`coursepack: unknown command "${name}"\n\n${usage()}`);
    return EXIT.usage;
  }
  if (wantsHelp(rest)) {
    out.write(commandHelp(command));
    return EXIT.ok;
  }
  try {
    return await command.run(rest, { out, err });
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`coursepack ${name}: ${error.message}\nusage: ${usageLine(command)}   (coursepack ${name} --help for the options)\n`);
      return EXIT.usage;
    }
    if (process.env.CP_DEBUG) throw error;
    err.write(`coursepack ${name}: ${(error as Error).message}\n(this is a bug in Coursepack if the message does not point at your files; run with CP_DEBUG=1 for details)\n`);
    return EXIT.content;
  }
}
