/** Turning manifest hrefs into package paths, and telling which paths are unsafe. */
import * as posix from 'node:path/posix';

export type ResolvedHref =
  | { kind: 'file'; path: string; query: string; dotDot: boolean }
  | { kind: 'url'; url: string }
  | { kind: 'unsafe'; reason: string };

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/]/;

/**
 * Resolves `href` against `base` (a folder inside the package, '' for the root). Query and
 * fragment are split off and percent-escapes decoded, because LMSes serve hrefs as URLs.
 */
export function resolveHref(href: string, base = ''): ResolvedHref {
  if (WINDOWS_DRIVE.test(href)) return { kind: 'unsafe', reason: 'is an absolute Windows path' };
  if (SCHEME.test(href)) return { kind: 'url', url: href };
  const cut = href.search(/[?#]/);
  const pathPart = cut === -1 ? href : href.slice(0, cut);
  const query = cut === -1 ? '' : href.slice(cut);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    decoded = pathPart;
  }
  if (decoded.includes('\\')) return { kind: 'unsafe', reason: 'uses backslashes; LMSes on Linux treat them as part of the name' };
  if (decoded.startsWith('/')) return { kind: 'unsafe', reason: 'is an absolute path' };
  const joined = posix.normalize(posix.join(base, decoded));
  if (joined === '..' || joined.startsWith('../')) return { kind: 'unsafe', reason: 'points outside the package' };
  return { kind: 'file', path: joined.replace(/^\.\//, ''), query, dotDot: decoded.split('/').includes('..') };
}

/** Why a stored entry name could write outside the extraction folder, or undefined if it cannot. */
export function unsafeEntryReason(name: string): string | undefined {
  if (name.startsWith('/') || name.startsWith('\\') || WINDOWS_DRIVE.test(name)) return 'is an absolute path';
  if (name.split(/[\\/]/).includes('..')) return 'climbs out of the package with ".."';
  return undefined;
}

/** Joins xml:base values (each relative to the previous) into a package folder. */
export function joinBase(...bases: (string | undefined)[]): string {
  let acc = '';
  for (const b of bases) {
    if (!b) continue;
    acc = posix.normalize(posix.join(acc, b));
  }
  return acc === '.' ? '' : acc;
}
