import path from 'node:path';

/** What a link or image path in course Markdown points at. */
export type LinkTarget =
  | { kind: 'external'; href: string }
  | { kind: 'page'; pageId: string }
  | { kind: 'lesson'; lessonId: string; pageId?: string }
  | { kind: 'asset'; path: string }
  | { kind: 'outside'; path: string }
  /** A percent-escape that does not decode to UTF-8 (e.g. %E9 alone): no file can be meant. */
  | { kind: 'malformed'; href: string };

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * Classifies `href` written in the course file at `fromFile` (course-relative, POSIX). Markdown
 * links are URLs (percent-escapes decoded); `literal` paths (YAML front matter) are file names as
 * written, so `handouts/50% off.pdf` means exactly that file.
 */
export function classifyLink(href: string, fromFile: string, { literal = false } = {}): LinkTarget {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return { kind: 'external', href };
  if (literal) return resolve(href, fromFile, undefined);
  if (href.startsWith('#')) {
    const pageId = decode(href.slice(1));
    return pageId === undefined ? { kind: 'malformed', href } : { kind: 'page', pageId };
  }
  const hash = href.indexOf('#');
  const rawPath = hash < 0 ? href : href.slice(0, hash);
  const fragment = hash < 0 ? undefined : decode(href.slice(hash + 1));
  const cleanPath = decode(rawPath.split('?')[0] ?? '');
  if (cleanPath === undefined || fragment === undefined && hash >= 0) return { kind: 'malformed', href };
  return resolve(cleanPath, fromFile, fragment || undefined);
}

function resolve(cleanPath: string, fromFile: string, fragment: string | undefined): LinkTarget {
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), cleanPath));
  if (resolved.startsWith('../') || resolved === '..' || path.posix.isAbsolute(cleanPath)) return { kind: 'outside', path: cleanPath };
  const lesson = /^lessons\/([^/]+?)(?:\.[a-z]{2,3}(?:-[A-Za-z0-9]+)*)?\.md$/.exec(resolved);
  if (lesson) return { kind: 'lesson', lessonId: lesson[1]!, pageId: fragment };
  return { kind: 'asset', path: resolved };
}

/**
 * A package path as a URL reference: each segment percent-encoded, so names with spaces, #, %, &,
 * accents or Arabic script stay one valid URL (xs:anyURI in manifests) while the zip keeps the name.
 */
export function encodePath(packagePath: string): string {
  return packagePath.split('/').map(encodeURIComponent).join('/');
}

/** The URL from the package file `fromPackageFile` to the package file `toPackageFile`, encoded. */
export function relativeUrl(fromPackageFile: string, toPackageFile: string): string {
  return encodePath(path.posix.relative(path.posix.dirname(fromPackageFile), toPackageFile));
}
