import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy every page of a package carries, as a <meta> (an LMS serves our files
 * with its own headers, so a meta tag is the only policy a package can bring). Everything comes from
 * the package itself ('self'); nothing from another host, so a tracking pixel or a remote font cannot
 * load even if one slipped in. Inline <style> elements are allowed by hash only; style attributes are
 * allowed (hotspot positions) because with img-src and font-src 'self' a style cannot fetch anything.
 *
 * connect-src is left to the runtime: an xAPI/cmi5 package learns its LRS only from the launch URL,
 * and a meta policy can only be tightened after load, never widened. So coursepack.js — the first and
 * only script — adds `connect-src <LRS origin>` (SCORM, web: 'none') before any request is made.
 * Pages without the runtime (handouts, the language picker) set connect-src 'none' here.
 * The language picker shows the chosen language's course in a frame of its own package: it alone
 * may frame, and only its own files.
 */
export interface CspOptions {
  runtimeSetsConnect: boolean;
  framesOwnPages?: boolean;
}

export function contentSecurityPolicy(html: string, { runtimeSetsConnect, framesOwnPages = false }: CspOptions): string {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  const directives = [
    "script-src 'self'",
    `style-src 'self'${styles.length ? ` ${[...new Set(styles)].join(' ')}` : ''}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self'",
    "media-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    `frame-src ${framesOwnPages ? "'self'" : "'none'"}`,
    `child-src ${framesOwnPages ? "'self'" : "'none'"}`,
    "worker-src 'none'",
    "manifest-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
    ...(runtimeSetsConnect ? [] : ["connect-src 'none'"]),
  ];
  return directives.join('; ');
}

/** Puts the policy right after <meta charset>, before any stylesheet or script it governs. */
export function withCsp(html: string, options: CspOptions): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html, options)}">`;
  return html.replace(/(<meta charset="utf-8">)/, `$1\n${meta}`);
}
