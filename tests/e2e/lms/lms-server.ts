import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer, type StaticServer } from '../static-server';

/** What the test LMS keeps per learner: every element committed so far, and the same as a CMI tree. */
export interface LearnerRecord {
  flat: Record<string, string>;
  cmi: Record<string, any>;
  exit: string;
  commits: number;
  /** The terminate commit arrived (by request, or by beacon from a closing page). */
  terminated: boolean;
}

export interface TestLms extends StaticServer {
  records: Map<string, LearnerRecord>;
  /** `profile`: faulty-lms.js query parameters (client, flaky, expire, slow, ignorecommit…). */
  launchUrl(standard: 'scorm12' | 'scorm2004', pkg: string, learner: string, mastery?: number, mode?: string, profile?: Record<string, string | number>): string;
}

const exitOf = (cmi: Record<string, any>) => String(cmi?.core?.exit ?? cmi?.exit ?? '');

/** "cmi.core.exit" → { core: { exit } }: the shape scorm-again loads at the next launch. */
function tree(flat: Record<string, string>): Record<string, any> {
  const root: Record<string, any> = {};
  for (const [key, value] of Object.entries(flat)) {
    const path = key.split('.').slice(1);
    let node = root;
    for (const part of path.slice(0, -1)) node = node[part] ??= {};
    node[path[path.length - 1]!] = value;
  }
  return root;
}

/** A loopback LMS: serves packages, the scorm-again launcher, and stores commits per learner. */
export async function startTestLms(): Promise<TestLms> {
  const server = await startStaticServer();
  const records = new Map<string, LearnerRecord>();
  server.put('/lms/launcher.html', readFileSync(path.join(__dirname, 'launcher.html')));
  server.put('/lms/faulty-lms.js', readFileSync(path.join(__dirname, 'faulty-lms.js')));
  server.put('/lms/scorm-again.js', readFileSync(path.join(path.dirname(require.resolve('scorm-again')), 'scorm-again.min.js')));
  const http = server.server;
  const staticHandler = http.listeners('request')[0] as (req: any, res: any) => void;
  http.removeAllListeners('request');
  http.on('request', (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const learner = url.searchParams.get('learner') ?? '';
    if (url.pathname === '/lms/record') {
      const record = records.get(learner);
      res.writeHead(200, { 'content-type': 'application/json' }).end(record ? JSON.stringify(record) : '');
      return;
    }
    if (url.pathname === '/lms/launched') {
      const record = records.get(learner);
      if (record) record.terminated = false;
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/lms/commit' && req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        const data = JSON.parse(body || '{}') as { flat: Record<string, string>; terminate: boolean };
        const previous = records.get(learner);
        // Merged, not replaced: a client that sends only changed elements (Moodle's) keeps the rest.
        const flat = { ...previous?.flat, ...data.flat };
        const cmi = tree(flat);
        records.set(learner, { flat, cmi, exit: exitOf(cmi), commits: (previous?.commits ?? 0) + 1, terminated: data.terminate || !!previous?.terminated });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: true, errorCode: 0 }));
      });
      return;
    }
    staticHandler(req, res);
  });
  return {
    ...server,
    records,
    launchUrl: (standard, pkg, learner, mastery, mode, profile = {}) => {
      const q = new URLSearchParams({ standard, pkg, learner, ...(mastery !== undefined && { mastery: String(mastery) }), ...(mode && { mode }) });
      for (const [k, v] of Object.entries(profile)) q.set(k, String(v));
      return `${server.url}/lms/launcher.html?${q}`;
    },
  };
}
