import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { startLearningLocker, type LearningLocker } from './learninglocker';
import { TestStateAndProfileStore, type DocumentResource } from './test-state-and-profile-store';

/** One request as the endpoint saw it, with LearningLocker's (or the test store's) answer. */
export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  status: number;
  /** Which credential sent it (the name given to addCredential). */
  who: string;
  body: string;
}

export interface TestLrs {
  /** The xAPI endpoint to put in launch URLs (ends with /xAPI/). */
  endpoint: string;
  /** Registers Basic credentials; returns the Authorization header value. */
  addCredential(name: string): { authorization: string; token: string };
  /** While true the endpoint drops every connection, as an unreachable LRS does. */
  setUnreachable(down: boolean): void;
  log: LoggedRequest[];
  /** Every statement LearningLocker stored for a registration, oldest timestamp first. */
  statements(registration: string): Promise<Record<string, any>[]>;
  /** Calls the endpoint with the LMS's own credential. */
  asLms(method: string, resource: string, params: Record<string, string>, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: string; etag: string | null }>;
  stop(): Promise<void>;
}

const DOCUMENTS: Record<string, DocumentResource> = { '/xAPI/activities/state': 'activities/state', '/xAPI/agents/profile': 'agents/profile' };

/**
 * The single xAPI endpoint the tests launch content against: Statement API and About forwarded to
 * a real LearningLocker; State and Agent Profile served by the TEST store (LearningLocker has
 * neither). Basic auth is checked here and again by LearningLocker, CORS is answered here, and
 * an outage switch drops connections so the runtime's offline path is exercised for real.
 */
export async function startTestLrs(): Promise<TestLrs> {
  const credentials = new Map<string, string>();
  const store = new TestStateAndProfileStore();
  const log: LoggedRequest[] = [];
  const sockets = new Set<Socket>();
  let unreachable = false;
  let ll: LearningLocker | undefined;

  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => {
    if (unreachable) return socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (unreachable) return void req.socket.destroy();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    // LearningLocker asks here who a credential belongs to (its AUTH_REPO=fetch mode).
    if (url.pathname === '/ll-client') return llClient(req, res);
    cors(req, res);
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const who = credentials.get(req.headers.authorization ?? '');
    const done = (status: number, text = '', headers: Record<string, string> = {}) => {
      log.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, status, who: who ?? '?', body });
      res.writeHead(status, headers).end(text);
    };
    if (!who) return done(401, 'unknown credentials');
    if (req.headers['x-experience-api-version'] !== '1.0.3') return done(400, 'X-Experience-API-Version 1.0.3 is required');
    const resource = DOCUMENTS[url.pathname];
    if (resource) {
      const r = store.handle(resource, req.method ?? 'GET', url.searchParams, req.headers as Record<string, string>, body);
      const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3' };
      if (r.etag) headers.ETag = r.etag;
      if (r.contentType) headers['Content-Type'] = r.contentType;
      return done(r.status, r.body ?? '', headers);
    }
    const forwarded = await forward(req, url, body);
    done(forwarded.status, forwarded.body, forwarded.headers);
  }

  function llClient(req: IncomingMessage, res: ServerResponse): void {
    const who = credentials.get(req.headers.authorization ?? '');
    if (!who) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(
      JSON.stringify({ _id: who, title: who, isTrusted: true, lrs_id: 'test-lrs', organisation: 'test-org', scopes: ['all'], authority: { objectType: 'Agent', name: who, mbox: 'mailto:test-lrs@example.org' } }),
    );
  }

  function forward(req: IncomingMessage, url: URL, body: string): Promise<{ status: number; body: string; headers: Record<string, string> }> {
    const { origin: _o, host: _h, ...headers } = req.headers;
    return new Promise((resolve, reject) => {
      const out = httpRequest(`${ll!.url}${url.pathname}${url.search}`, { method: req.method, headers }, (res) => {
        void readBody(res).then((text) => {
          const keep: Record<string, string> = {};
          for (const name of ['content-type', 'etag', 'x-experience-api-version', 'last-modified', 'x-experience-api-consistent-through']) {
            const v = res.headers[name];
            if (typeof v === 'string') keep[name] = v;
          }
          resolve({ status: res.statusCode ?? 502, body: text, headers: keep });
        });
      });
      out.on('error', reject);
      out.end(body);
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  ll = await startLearningLocker(`${base}/ll-client`);

  const addCredential = (name: string) => {
    const token = Buffer.from(`${name}:${randomBytes(12).toString('hex')}`).toString('base64');
    credentials.set(`Basic ${token}`, name);
    return { authorization: `Basic ${token}`, token };
  };
  const lms = addCredential('test-lms');

  const asLms: TestLrs['asLms'] = async (method, resource, params, body, headers = {}) => {
    const res = await fetch(`${base}/xAPI/${resource}?${new URLSearchParams(params)}`, {
      method,
      headers: { Authorization: lms.authorization, 'X-Experience-API-Version': '1.0.3', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.text(), etag: res.headers.get('etag') };
  };

  return {
    endpoint: `${base}/xAPI/`,
    addCredential,
    log,
    setUnreachable(down) {
      unreachable = down;
      if (down) for (const s of sockets) s.destroy();
    },
    async statements(registration) {
      const all: Record<string, any>[] = [];
      let next = `statements?${new URLSearchParams({ registration, limit: '500', ascending: 'true' })}`;
      while (next) {
        const res = await fetch(`${ll!.url}/xAPI/${next}`, { headers: { Authorization: lms.authorization, 'X-Experience-API-Version': '1.0.3' } });
        const page = (await res.json()) as { statements: Record<string, any>[]; more?: string };
        all.push(...page.statements);
        next = page.more ? page.more.replace(/^.*\/xAPI\//, '') : '';
      }
      // Stable sort: statements with the same timestamp keep the order the LRS stored them in.
      return all.sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));
    },
    asLms,
    async stop() {
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
      await ll?.stop();
    },
  };
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
  res.setHeader('Access-Control-Allow-Methods', 'GET,PUT,POST,DELETE,OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
  res.setHeader('Access-Control-Expose-Headers', 'ETag,X-Experience-API-Version,X-Experience-API-Consistent-Through');
}

function readBody(stream: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}
