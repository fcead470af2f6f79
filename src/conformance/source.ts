/** A package to check, read from a zip (in memory) or a folder, behind one interface. */
import { promises as fs } from 'node:fs';
import { PackageUnreadableError } from './errors';
import { openFolder } from './folder-source';
import { openZip } from './zip-source';

export interface PackageEntry {
  /** The name as stored (zip) or the path relative to the folder, with `/` separators. */
  path: string;
  /** Uncompressed size in bytes, as declared by the zip or given by the file system. */
  size: number;
  /** A symbolic link (zip entry with link mode bits, or a folder symlink): never followed. */
  symlink: boolean;
}

export interface PackageSource {
  kind: 'zip' | 'folder';
  /** The input as the user named it, for package-level findings. */
  label: string;
  /** Files only (no directory entries), in stored order. */
  entries: PackageEntry[];
  /** Size of the zip file itself; undefined for folders. */
  zipBytes?: number;
  /** Reads one entry; capped at `limits.maxReadBytes` so lying zip headers cannot exhaust memory. */
  read(entryPath: string): Promise<Buffer>;
}

/** Safety limits against hostile input (zip bombs, endless entry lists). */
export interface Limits {
  /** Largest zip file read into memory. */
  maxZipBytes: number;
  /** Largest total uncompressed size declared by a zip. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Largest single file the checker decompresses (it only reads manifests and small JSON). */
  maxReadBytes: number;
  /** Zips above this size get a warning: LMS upload limits and slow links. */
  largeZipBytes: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  maxZipBytes: 1024 * MB,
  maxTotalBytes: 500 * MB,
  maxEntries: 20000,
  maxReadBytes: 16 * MB,
  largeZipBytes: 100 * MB,
};

export async function openPackage(input: string, limits: Limits): Promise<PackageSource> {
  const stat = await fs.stat(input).catch(() => undefined);
  if (!stat) {
    throw new PackageUnreadableError('input-not-found', input, `No such file or folder: ${input}`);
  }
  if (stat.isDirectory()) return openFolder(input, limits);
  if (!stat.isFile()) {
    throw new PackageUnreadableError('input-not-a-file', input, `${input} is neither a zip file nor a folder`);
  }
  return openZip(input, stat.size, limits);
}
