/** Lookup of package files by exact path, with case-insensitive fallback for better messages. */
import type { PackageEntry } from './source';

export interface FileIndex {
  paths: readonly string[];
  has(path: string): boolean;
  /** A file whose path differs from `path` only in letter case. */
  caseVariant(path: string): string | undefined;
}

export function indexFiles(entries: readonly PackageEntry[]): FileIndex {
  const paths = entries.map((e) => e.path);
  const exact = new Set(paths);
  const lower = new Map<string, string>();
  for (const p of paths) if (!lower.has(p.toLowerCase())) lower.set(p.toLowerCase(), p);
  return {
    paths,
    has: (p) => exact.has(p),
    caseVariant: (p) => (exact.has(p) ? undefined : lower.get(p.toLowerCase())),
  };
}
