/** Shared helpers for conformance tests: fixture paths, zipping folders in memory, temp files. */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import type { Finding, Report } from '../../src/conformance';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'packages');

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

export interface ZipOptions {
  /** Put every file under this folder inside the zip (e.g. the "zipped the folder" mistake). */
  prefix?: string;
  /** Extra entries, stored under exactly these names. */
  extra?: Record<string, string | Buffer>;
  /** Extra entries stored as symbolic links (name → link target). */
  symlinks?: Record<string, string>;
}

export async function zipFolder(folder: string, options: ZipOptions = {}): Promise<Buffer> {
  const zip = new JSZip();
  for (const rel of await listFiles(folder)) {
    zip.file(`${options.prefix ?? ''}${rel}`, await fs.readFile(path.join(folder, rel)));
  }
  for (const [name, data] of Object.entries(options.extra ?? {})) zip.file(name, data);
  for (const [name, target] of Object.entries(options.symlinks ?? {})) {
    zip.file(name, target, { unixPermissions: 0o120777 });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', platform: 'UNIX' });
}

async function listFiles(folder: string, rel = ''): Promise<string[]> {
  const dirents = await fs.readdir(path.join(folder, rel), { withFileTypes: true });
  const nested = await Promise.all(
    dirents.map((d) => (d.isDirectory() ? listFiles(folder, `${rel}${d.name}/`) : Promise.resolve([`${rel}${d.name}`]))),
  );
  return nested.flat();
}

/** A temp folder for the test file; removed by `cleanup`. */
export async function tempDir(): Promise<{ write(name: string, data: Buffer | string): Promise<string>; cleanup(): Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'coursepack-conformance-'));
  return {
    async write(name, data) {
      const file = path.join(dir, name);
      await fs.writeFile(file, data);
      return file;
    },
    cleanup: () => fs.rm(dir, { recursive: true, force: true }),
  };
}

export function findings(report: Report, rule: string): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

export function errors(report: Report): Finding[] {
  return report.findings.filter((f) => f.severity === 'error');
}
