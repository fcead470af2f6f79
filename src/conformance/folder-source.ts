/** A package given as an unzipped folder. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { PackageUnreadableError } from './errors';
import type { Limits, PackageEntry, PackageSource } from './source';

export async function openFolder(folder: string, limits: Limits): Promise<PackageSource> {
  const entries: PackageEntry[] = [];
  await walk(folder, '', entries, limits);
  const byPath = new Map(entries.map((e) => [e.path, e]));
  return {
    kind: 'folder',
    label: folder,
    entries,
    async read(entryPath) {
      const entry = byPath.get(entryPath);
      if (!entry || entry.symlink) throw new Error(`not a file in the package: ${entryPath}`);
      if (entry.size > limits.maxReadBytes) {
        throw new PackageUnreadableError('file-too-large', entryPath, `${entryPath} is too large to check (${entry.size} bytes)`);
      }
      return fs.readFile(path.join(folder, ...entryPath.split('/')));
    },
  };
}

async function walk(root: string, rel: string, out: PackageEntry[], limits: Limits): Promise<void> {
  const dirents = await fs.readdir(path.join(root, rel), { withFileTypes: true });
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of dirents) {
    const relPath = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) {
      await walk(root, relPath, out, limits);
    } else if (d.isFile() || d.isSymbolicLink()) {
      const size = d.isFile() ? (await fs.stat(path.join(root, relPath))).size : 0;
      out.push({ path: relPath, size, symlink: d.isSymbolicLink() });
      if (out.length > limits.maxEntries) {
        throw new PackageUnreadableError('too-many-entries', root, `More than ${limits.maxEntries} files in ${root}`);
      }
    }
  }
}
