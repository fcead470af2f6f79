import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer, type StaticServer } from '../static-server';

/** What the test LMS keeps per learner: the last committed CMI tree, as scorm-again posts it. */
export interface LearnerRecord {
  cmi: Record<string, unknown>;
  exit: string;
  commits: number;
  /** The LMS's terminate commit arrived (scorm-again sends it by beacon: a no-cors request). */
  terminated: boolean;
}

export interface TestLms extends StaticServer {
  records: Map<string, LearnerRecord>;
  launchUrl(standard: 'scorm12' | 'scorm2004', pkg: string, learner: string, mastery?: number, mode?: string): string;
}

const exitOf = (cmi: Record<string, any>) => String(cmi?.core?.exit ?? cmi?.exit ?? '');

/** A loopback LMS: serves packages, the scorm-again launcher, and stores commits per learner. */
export async function startTestLms(): Promise<TestLms> {
  const server = await startStaticServer();
  const records = new Map<string, LearnerRecord>();
  server.put('/lms/launcher.html', readFileSync(path.join(__dirname, 'launcher.html')));
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
        const data = JSON.parse(body || '{}');
        const cmi = data.cmi ?? data;
        const previous = records.get(learner);
        const byBeacon = req.headers['sec-fetch-mode'] === 'no-cors';
        records.set(learner, { cmi, exit: exitOf(cmi), commits: (previous?.commits ?? 0) + 1, terminated: byBeacon || !!previous?.terminated });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result: true, errorCode: 0 }));
      });
      return;
    }
    staticHandler(req, res);
  });
  return {
    ...server,
    records,
    launchUrl: (standard, pkg, learner, mastery, mode) =>
      `${server.url}/lms/launcher.html?standard=${standard}&pkg=${pkg}&learner=${encodeURIComponent(learner)}${mastery !== undefined ? `&mastery=${mastery}` : ''}${mode ? `&mode=${mode}` : ''}`,
  };
}
