import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import JSZip from 'jszip';
import { CMI5 } from '../standards/cmi5';

const REPO = path.join(__dirname, '..', '..');
/** The scorm-again test LMS of the end-to-end tests: the bench launches SCORM packages the same way. */
export const LAUNCHER_HTML = path.join(REPO, 'tests', 'e2e', 'lms', 'launcher.html');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** A host page that only opens the course in an iframe, as an LMS player page would. */
const HOST_HTML = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Host</title><style>html,body{margin:0;height:100%}iframe{border:0;width:100%;height:100%}</style></head>
<body><iframe id="course" title="Course"></iframe><script>document.getElementById('course').src = new URLSearchParams(location.search).get('src');</script></body></html>`;

export interface Loopback {
  url: string;
  mountZip(prefix: string, zip: Buffer): Promise<void>;
  /** URL that opens the package in an iframe, with whatever LMS or LRS its standard needs; `lms` adds test-LMS faults (SCORM). */
  launchUrl(target: string, prefix: string, lms?: Record<string, string>): string;
  close(): Promise<void>;
}

/**
 * One loopback server for the launch timing: packages, the scorm-again launcher, and a stub LRS and
 * cmi5 fetch URL that answer at once (200/204, no storage). Timings therefore leave out LRS latency:
 * each round trip to a real LRS adds to the xAPI and cmi5 figures.
 */
export async function startLoopback(): Promise<Loopback> {
  const files = new Map<string, Buffer>([
    ['/lms/launcher.html', readFileSync(LAUNCHER_HTML)],
    ['/lms/faulty-lms.js', readFileSync(path.join(path.dirname(LAUNCHER_HTML), 'faulty-lms.js'))],
    ['/lms/scorm-again.js', readFileSync(path.join(path.dirname(require.resolve('scorm-again')), 'scorm-again.min.js'))],
    ['/host.html', Buffer.from(HOST_HTML)],
  ]);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://loopback');
    if (url.pathname.startsWith('/lrs/')) return lrs(req, res, url);
    if (url.pathname === '/cmi5-fetch') return send(res, 200, { 'auth-token': Buffer.from('bench:bench').toString('base64') });
    // The SCORM launcher's LMS: no earlier record, every commit accepted.
    if (url.pathname === '/lms/record') return send(res, 200, '');
    if (url.pathname === '/lms/launched') return send(res, 204);
    if (url.pathname === '/lms/commit') return req.resume().on('end', () => send(res, 200, { result: true, errorCode: 0 }));
    const body = files.get(decodeURIComponent(url.pathname));
    if (!body) return send(res, 404, 'not found');
    res.writeHead(200, { 'content-type': TYPES[path.extname(url.pathname)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const actor = JSON.stringify({ objectType: 'Agent', name: 'Bench', mbox: 'mailto:bench@example.org' });
  return {
    url: base,
    async mountZip(prefix, zip) {
      const archive = await JSZip.loadAsync(zip);
      for (const entry of Object.values(archive.files)) if (!entry.dir) files.set(`/pkg/${prefix}/${entry.name}`, await entry.async('nodebuffer'));
    },
    launchUrl(target, prefix, lms = {}) {
      if (target === 'scorm12' || target === 'scorm2004') return `${base}/lms/launcher.html?${new URLSearchParams({ standard: target, pkg: prefix, learner: `bench-${randomUUID()}`, ...lms })}`;
      const course = `${base}/pkg/${prefix}/index.html`;
      const registration = randomUUID();
      const query =
        target === 'xapi'
          ? new URLSearchParams({ endpoint: `${base}/lrs/`, auth: 'Basic YmVuY2g6YmVuY2g=', actor, registration })
          : target === 'cmi5'
            ? new URLSearchParams({ endpoint: `${base}/lrs/`, fetch: `${base}/cmi5-fetch`, actor, registration, activityId: `https://lms.example.org/activities/${registration}` })
            : undefined;
      return `${base}/host.html?src=${encodeURIComponent(query ? `${course}?${query}` : course)}`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) res.writeHead(status).end();
  else if (typeof body === 'string') res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  else res.writeHead(status, { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' }).end(JSON.stringify(body));
}

/** Just enough of an LRS for a launch: statements get ids, documents are not found, writes succeed. */
function lrs(req: IncomingMessage, res: ServerResponse, url: URL): void {
  let raw = '';
  req.on('data', (c: Buffer) => (raw += c));
  req.on('end', () => {
    const resource = url.pathname.slice('/lrs/'.length);
    if (resource === 'statements' && req.method === 'POST') {
      const body = JSON.parse(raw || '[]') as { id?: string } | { id?: string }[];
      return send(res, 200, (Array.isArray(body) ? body : [body]).map((s) => s.id ?? randomUUID()));
    }
    if (req.method !== 'GET') return send(res, 204);
    if (resource === 'activities/state' && url.searchParams.get('stateId') === CMI5.launchDataStateId) {
      const registration = url.searchParams.get('registration') ?? '';
      return send(res, 200, {
        contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: url.searchParams.get('activityId') }] }, extensions: { [CMI5.extensions.sessionId]: registration } },
        launchMode: 'Normal',
        moveOn: 'CompletedAndPassed',
      });
    }
    if (resource === 'statements' && !url.searchParams.has('statementId')) return send(res, 200, { statements: [], more: '' });
    send(res, 404);
  });
}
