import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startPreview } from '../preview/server';

export const DEFAULT_PREVIEW_PORT = 4300;

/** The course to preview when none is given: this folder if it is one, else the first in ./courses. */
async function defaultCourse(): Promise<string | undefined> {
  const isCourse = async (dir: string) => !!(await fs.stat(path.join(dir, 'course.yaml')).catch(() => undefined));
  if (await isCourse('.')) return '.';
  const entries = await fs.readdir('courses', { withFileTypes: true }).catch(() => []);
  for (const e of entries.filter((x) => x.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    if (await isCourse(path.join('courses', e.name))) return path.join('courses', e.name);
  }
  return undefined;
}

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

/**
 * `coursepack preview [course-dir] [--port N] [--open]`: serves the course in an LMS emulator with a
 * live data panel, rebuilding on every edit, until Ctrl+C.
 */
export async function runPreview(args: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  let values: { port?: string; open?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, options: { port: { type: 'string' }, open: { type: 'boolean', default: false } } }));
  } catch (error) {
    err.write(`coursepack preview: ${(error as Error).message}\nusage: coursepack preview [course-dir] [--port ${DEFAULT_PREVIEW_PORT}] [--open]\n`);
    return 2;
  }
  if (positionals.length > 1) {
    err.write('coursepack preview: one course folder at a time\n');
    return 2;
  }
  const port = values.port === undefined ? DEFAULT_PREVIEW_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    err.write(`coursepack preview: --port must be a port number (0 picks a free one), not "${values.port}"\n`);
    return 2;
  }
  const courseDir = positionals[0] ?? (await defaultCourse());
  if (!courseDir) {
    err.write('coursepack preview: no course folder given, and neither ./course.yaml nor a course in ./courses exists (run "coursepack init my-course" to start one)\n');
    return 2;
  }
  if (!(await fs.stat(path.join(courseDir, 'course.yaml')).catch(() => undefined))) {
    err.write(`coursepack preview: ${path.join(courseDir, 'course.yaml')}: not found (a course folder holds a course.yaml)\n`);
    return 2;
  }
  const stamp = () => new Date().toTimeString().slice(0, 8);
  let server;
  try {
    server = await startPreview({ courseDir, port, portFallback: values.port === undefined, log: (line) => out.write(`${stamp()} ${line}\n`) });
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
