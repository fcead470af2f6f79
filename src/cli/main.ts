import { runBuild } from './build';
import { runInit } from './init';
import { runPreview } from './preview';
import { runValidate } from './validate';

type Command = (args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream) => Promise<number>;

/** One entry per command; each lives in its own file. */
const commands: Record<string, { run: Command; summary: string }> = {
  build: { run: runBuild, summary: 'build [course-dir] [--target scorm12,scorm2004,xapi,cmi5,web] [--lang en,fr] [--out dist] [--bundle-languages] [--report-objectives]' },
  init: { run: runInit, summary: 'init <dir>            scaffold a small working course' },
  preview: { run: runPreview, summary: 'preview [course-dir] [--port 4300] [--open]   the course in an LMS emulator with a live data panel; reloads on edit' },
  validate: { run: (args, out) => runValidate(args, out), summary: 'validate <zip-or-folder> [--json]   check any SCORM / cmi5 / Tin Can package' },
};

const usage = () =>
  `Coursepack: one course source → SCORM 1.2, SCORM 2004, xAPI, cmi5 and web packages.\n\nUsage:\n${Object.values(commands)
    .map((c) => `  coursepack ${c.summary}`)
    .join('\n')}\n`;

/** argv → exit code. Never lets a stack trace reach the user unless CP_DEBUG is set. */
export async function main(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    err.write(`coursepack: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, out, err);
  } catch (error) {
    if (process.env.CP_DEBUG) throw error;
    err.write(`coursepack ${name}: ${(error as Error).message}\n(this is a bug in Coursepack if the message does not point at your files; run with CP_DEBUG=1 for details)\n`);
    return 1;
  }
}
