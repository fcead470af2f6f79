import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { startPreview } from '../preview/server';
import { parseCommand, UsageError, type CommandSpec } from './args';
import { defaultCourses } from './build';

export const DEFAULT_PREVIEW_PORT = 4300;

/** The course to preview when none is given: the first of build's defaults. */
const defaultCourse = async (): Promise<string | undefined> => (await defaultCourses())[0];

/** Opens the URL in the default browser; failing quietly (the URL is printed anyway). */
function openBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    /* no browser opener: the printed URL is enough */
  }
}

export const previewCommand: CommandSpec = {
  name: 'preview',
  synopsis: `[course-dir] [--port ${DEFAULT_PREVIEW_PORT}] [--open]`,
  summary: 'the course inside an offline LMS emulator (SCORM 1.2/2004, xAPI, cmi5, web) with a live data panel; rebuilds and reloads on every edit',
  description: 'With no folder: this folder if it holds a course.yaml, else the first course in ./courses. Runs until Ctrl+C.',
  options: {
    port: { type: 'string', value: 'n', default: String(DEFAULT_PREVIEW_PORT), description: 'port to listen on (0 picks a free one)' },
    open: { type: 'boolean', default: false, description: 'open the preview in the default browser' },
  },
  run: (args, { out, err }) => runPreview(args, out, err),
};

async function runPreview(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const { values, positionals } = parseCommand(previewCommand, args);
  if (positionals.length > 1) throw new UsageError('one course folder at a time');
  const explicitPort = args.some((a) => a === '--port' || a.startsWith('--port='));
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number (0 picks a free one), not "${String(values.port)}"`);
  const courseDir = positionals[0] ?? (await defaultCourse());
  if (!courseDir) throw new UsageError('no course folder given, and neither ./course.yaml nor a course in ./courses exists (run "coursepack init my-course" to start one)');
  if (!(await fs.stat(path.join(courseDir, 'course.yaml')).catch(() => undefined))) {
    throw new UsageError(`${path.join(courseDir, 'course.yaml')}: not found (a course folder holds a course.yaml)`);
  }
  const stamp = () => new Date().toTimeString().slice(0, 8);
  let server;
  try {
    server = await startPreview({ courseDir, port, portFallback: !explicitPort, log: (line) => out.write(`${stamp()} ${line}\n`) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      err.write(`coursepack preview: port ${port} is in use; choose another with --port\n`);
      return 1;
    }
    throw error;
  }
  out.write(`Coursepack preview of ${courseDir}\n\n  ${server.url}\n\nEdit any file of the course: the page rebuilds and reloads. Press Ctrl+C to stop.\n`);
  if (values.open) openBrowser(server.url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await server.close();
  out.write('Preview stopped.\n');
  return 0;
}
