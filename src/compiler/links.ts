import path from 'node:path';

/** What a link or image path in course Markdown points at. */
export type LinkTarget =
  | { kind: 'external'; href: string }
  | { kind: 'page'; pageId: string }
  | { kind: 'lesson'; lessonId: string; pageId?: string }
  | { kind: 'asset'; path: string }
  | { kind: 'outside'; path: string };

/** Classifies `href` written in the course file at `fromFile` (course-relative, POSIX). */
export function classifyLink(href: string, fromFile: string): LinkTarget {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) return { kind: 'external', href };
  if (href.startsWith('#')) return { kind: 'page', pageId: decodeURIComponent(href.slice(1)) };
  const [rawPath = '', fragment] = href.split('#', 2);
  const cleanPath = decodeURIComponent(rawPath.split('?')[0] ?? '');
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), cleanPath));
  if (resolved.startsWith('../') || resolved === '..' || path.posix.isAbsolute(cleanPath)) return { kind: 'outside', path: cleanPath };
  const lesson = /^lessons\/([^/]+?)(?:\.[a-z]{2,3}(?:-[A-Za-z0-9]+)*)?\.md$/.exec(resolved);
  if (lesson) return { kind: 'lesson', lessonId: lesson[1]!, pageId: fragment || undefined };
  return { kind: 'asset', path: resolved };
}
