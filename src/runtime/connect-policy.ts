/**
 * Tightens the page's Content-Security-Policy to the only hosts this launch may talk to: the LRS
 * named in the launch URL (xAPI, cmi5) or none (SCORM talks to the LMS through a JavaScript API,
 * the web build to nobody). The static policy in the page leaves connect-src to us because the LRS
 * is not known until launch; a policy added later can only narrow, so this runs before any request.
 */
export function allowConnections(urls: readonly string[]): void {
  const origins = new Set<string>();
  for (const url of urls) {
    try {
      origins.add(new URL(url, window.location.href).origin);
    } catch {
      /* not a URL: the adapter reports the bad launch; nothing to allow */
    }
  }
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = `connect-src ${[...origins].filter((o) => o !== 'null').join(' ') || "'none'"}`;
  document.head.appendChild(meta);
}
