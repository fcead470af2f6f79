import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { writers } from '../compiler/package';
import { TEMPLATE_DIR } from '../compiler/render/templates';
import type { Diagnostic } from '../diagnostics';
import { targetIds, type TargetId } from '../schema';
import { Builds, type BuildOutcome, type BuiltCourse } from './builds';
import { describeBookmark } from './decode';
import { Learners } from './learners';
import { PreviewLrs, type LrsEvent } from './lrs';

/** templates/preview: the emulator page and its styles, served as they are. */
export const PREVIEW_ASSETS = path.join(TEMPLATE_DIR, 'preview');

/** The emulator page's script, bundled from src/preview/emulator by scripts/build-runtime.js. */
const EMULATOR_BUNDLE = path.join(__dirname, '..', '..', 'build', 'preview', 'emulator.js');

export interface PreviewOptions {
  courseDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** When the port is taken, try the next ones (the CLI's default port); otherwise fail. */
  portFallback?: boolean;
  /** Rebuild when a course file changes (default true). */
  watch?: boolean;
  /** Milliseconds of quiet after a change before rebuilding (editors write in bursts). */
  debounceMs?: number;
  /** One line per event worth telling the terminal (rebuilt, content errors). */
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  port: number;
  builds: Builds;
  lrs: PreviewLrs;
  learners: Learners;
  /** Rebuild now, as a file change does (tests, and the watcher). */
  changed(files?: string[]): void;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsd': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.md': 'text/plain; charset=utf-8',
};

const ASSETS: Record<string, string> = {
  '/': 'emulator.html',
  '/index.html': 'emulator.html',
  '/preview/emulator.js': EMULATOR_BUNDLE,
  '/preview/emulator.css': 'emulator.css',
  '/lms/returned.html': 'returned.html',
};

const MAX_BODY = 8 * 1024 * 1024;

/** The standard the page opens with: the one most LMSes run. */
export const DEFAULT_TARGET: TargetId = 'scorm2004';

/** The preview learner, as an LMS would identify them to an LRS (account on this LMS). */
const actorOf = (origin: string, learner: { id: string; name: string }) => ({ objectType: 'Agent', name: learner.name, account: { homePage: origin, name: learner.id } });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(value));
}

/** What the page needs to know about a build: never the files themselves. */
function buildInfo(outcome: BuildOutcome): Record<string, unknown> {
  if (!outcome.ok) {
    const { gen, target, lang, ms, diagnostics, message } = outcome;
    return { ok: false, gen, target, lang, ms, message, diagnostics: sortDiagnostics(diagnostics) };
  }
  const c: BuiltCourse = outcome.course;
  return {
    ok: true,
    gen: c.gen,
    ms: c.ms,
    target: c.target,
    label: writers[c.target]?.label ?? c.target,
    lang: c.lang,
    languages: c.languages,
    title: c.data.title,
    courseId: c.data.id,
    version: c.data.version,
    activityId: c.data.activityId,
    hash: c.data.hash,
    pages: c.data.pages.map((p) => ({ id: p.id, title: p.title })),
    questions: c.data.questions.length,
    suspendData: c.suspendData,
    masteryScore: c.masteryScore,
    cmi5: c.cmi5,
    warnings: sortDiagnostics(c.warnings),
    base: `/pkg/${c.gen}/${c.target}/${c.lang}/`,
  };
}

const sortDiagnostics = (list: readonly Diagnostic[]) =>
  [...list].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning') || a.file.localeCompare(b.file) || a.line - b.line);

function isTarget(value: unknown): value is TargetId {
  return typeof value === 'string' && (targetIds as readonly string[]).includes(value);
}

/**
 * `coursepack preview`: a loopback server that builds the course in memory and shows it inside an
 * LMS emulator page (scorm-again for SCORM; its own LRS and cmi5 LMS for xAPI and cmi5), with the
 * learner's data as the LMS sees it beside the course. A course edit rebuilds and tells the page,
 * which reloads the course and keeps the learner's record.
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const courseDir = path.resolve(options.courseDir);
  const builds = new Builds(options.courseDir);
  const lrs = new PreviewLrs();
  const learners = new Learners();
  const clients = new Set<ServerResponse>();
  const log = options.log ?? (() => {});
  let last: { target: TargetId; lang?: string } | undefined;
  let port = 0;
  /** Tells a page that reconnects after a restart that the learner records it shows are gone. */
  const instance = randomUUID();

  const broadcast = (event: Record<string, unknown>) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const c of clients) c.write(frame);
  };
  lrs.onEvent((e: LrsEvent) => broadcast(e));

  const heartbeat = setInterval(() => {
    for (const c of clients) c.write(': keep-alive\n\n');
  }, 20000);
  heartbeat.unref();

  async function build(target: TargetId, lang?: string): Promise<BuildOutcome> {
    last = { target, lang };
    return builds.get(target, lang);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only pages of this very server may talk to it (no DNS rebinding from a web page).
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host)) return void res.writeHead(403).end('forbidden host');
    const origin = `http://${host}`;
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const route = url.pathname;

    const asset = ASSETS[route];
    if (asset && method === 'GET') {
      const body = await fs.readFile(path.resolve(PREVIEW_ASSETS, asset));
      return void res.writeHead(200, { 'Content-Type': TYPES[path.extname(asset)]!, 'Cache-Control': 'no-store' }).end(body);
    }
    if (route === '/preview/scorm-again.js' && method === 'GET') {
      let body: Buffer;
      try {
        body = await fs.readFile(path.join(path.dirname(require.resolve('scorm-again')), 'scorm-again.min.js'));
      } catch {
        return void res.writeHead(500, { 'Content-Type': 'text/javascript' }).end('alert("coursepack preview: the scorm-again package is not installed (npm install scorm-again@3.4.3)");');
      }
      return void res.writeHead(200, { 'Content-Type': TYPES['.js']!, 'Cache-Control': 'max-age=3600' }).end(body);
    }
    if (route === '/api/info' && method === 'GET') {
      return sendJson(res, 200, {
        courseDir: options.courseDir,
        targets: targetIds.filter((t) => writers[t]).map((t) => ({ id: t, label: writers[t]!.label })),
        defaultTarget: DEFAULT_TARGET,
        learner: learners.identity,
        gen: builds.gen,
      });
    }
    if (route === '/api/events' && method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(`retry: 1000\ndata: ${JSON.stringify({ type: 'hello', gen: builds.gen, instance })}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (route === '/api/build' && method === 'GET') {
      const target = url.searchParams.get('target');
      if (!isTarget(target)) return sendJson(res, 400, { error: `unknown standard "${target}"` });
      return sendJson(res, 200, buildInfo(await build(target, url.searchParams.get('lang') ?? undefined)));
    }
    if (route === '/api/launch' && method === 'POST') return launch(req, res, origin);
    if (route === '/api/scorm/commit' && method === 'POST') {
      const slot = url.searchParams.get('slot') ?? '';
      const session = Number(url.searchParams.get('session'));
      let body: Record<string, unknown>;
      try {
        body = JSON.parse((await readBody(req)) || '{}');
      } catch {
        return sendJson(res, 200, { result: false, errorCode: 101 });
      }
      const accepted = learners.commit(slot, session, body);
      if (accepted) {
        const r = learners.record(slot);
        broadcast({ type: 'commit', slot, session, commits: r.commits, at: r.lastCommit, via: url.searchParams.get('via') ?? 'lms' });
      }
      return sendJson(res, 200, { result: true, errorCode: 0 });
    }
    if (route === '/api/decode' && method === 'POST') {
      const { target, lang, data } = JSON.parse((await readBody(req)) || '{}') as { target?: string; lang?: string; data?: string };
      if (!isTarget(target)) return sendJson(res, 400, { error: 'unknown standard' });
      const outcome = await builds.get(target, lang);
      if (!outcome.ok) return sendJson(res, 200, { ok: false, reason: 'the course does not build right now' });
      return sendJson(res, 200, describeBookmark(outcome.course.data, String(data ?? '')));
    }
    if (route === '/api/state' && method === 'GET') {
      // The LRS's view for the panel: statements, requests and our learner document of a registration.
      const registration = url.searchParams.get('registration') ?? '';
      return sendJson(res, 200, {
        statements: lrs.statements.filter((s) => s.context?.registration === registration),
        requests: lrs.log.filter((e) => !e.params.registration || e.params.registration === registration),
        documents: lrs.stateOf(registration),
      });
    }
    if (route === '/api/reset' && method === 'POST') {
      learners.reset();
      lrs.reset();
      broadcast({ type: 'reset', learner: learners.identity });
      return sendJson(res, 200, { learner: learners.identity });
    }
    if (route.startsWith('/xapi/')) {
      const body = method === 'GET' || method === 'HEAD' ? '' : await readBody(req);
      const answer = lrs.handle(method, route.slice('/xapi/'.length), url.searchParams, req.headers, body);
      return void res.writeHead(answer.status, { 'Cache-Control': 'no-store', ...answer.headers }).end(answer.body ?? '');
    }
    if (route.startsWith('/cmi5/fetch/') && method === 'POST') {
      const answer = lrs.fetch(decodeURIComponent(route.slice('/cmi5/fetch/'.length)));
      return sendJson(res, answer.status, answer.body);
    }
    const pkg = /^\/pkg\/(\d+)\/([a-z0-9]+)\/([A-Za-z0-9-]+)\/(.*)$/.exec(route);
    if (pkg && (method === 'GET' || method === 'HEAD')) return servePackageFile(res, Number(pkg[1]), pkg[2]!, pkg[3]!, decodeURIComponent(pkg[4]!));
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
  }

  async function servePackageFile(res: ServerResponse, gen: number, target: string, lang: string, file: string): Promise<void> {
    if (!isTarget(target)) return void res.writeHead(404).end('not found');
    const outcome = await builds.get(target, lang);
    // A page of an older build asking for one of its files: the newest build serves it (same paths).
    if (!outcome.ok) return void res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end('the course has content errors: see the preview page');
    const body = outcome.course.files.get(file || 'index.html');
    if (!body) return void res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${file}: not in the ${target} package`);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream', 'Cache-Control': 'no-store', 'X-Coursepack-Build': String(gen) });
    res.end(body);
  }

  /**
   * A launch of the chosen package, as an LMS does it: the learner's record for SCORM (the page
   * loads it into scorm-again), the Tin Can launch URL for xAPI, a new cmi5 session for cmi5.
   */
  async function launch(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
    const { target, lang } = JSON.parse((await readBody(req)) || '{}') as { target?: string; lang?: string };
    if (!isTarget(target)) return sendJson(res, 400, { error: `unknown standard "${target}"` });
    const outcome = await build(target, lang);
    if (!outcome.ok) return sendJson(res, 200, { build: buildInfo(outcome) });
    const course = outcome.course;
    const slot = `${target}:${course.lang}`;
    const record = learners.launch(slot);
    const learner = learners.identity;
    const page = `${origin}/pkg/${course.gen}/${target}/${course.lang}/index.html`;
    const actor = actorOf(origin, learner);
    let url = page;
    if (target === 'xapi') {
      const query = new URLSearchParams({
        endpoint: `${origin}/xapi/`,
        auth: `Basic ${Buffer.from(`${learner.id}:preview`).toString('base64')}`,
        actor: JSON.stringify(actor),
        registration: record.registration,
        activity_id: course.data.activityId,
      });
      url = `${page}?${query}`;
    } else if (target === 'cmi5') {
      const cmi5 = course.cmi5 ?? { publisherId: `${course.data.activityId}/au`, moveOn: 'Completed' };
      url = lrs.launchCmi5({
        auUrl: page,
        activityId: `${origin}/lms/activities/${encodeURIComponent(course.data.id)}/${course.lang}`,
        publisherId: cmi5.publisherId,
        actor,
        registration: record.registration,
        moveOn: cmi5.moveOn,
        masteryScore: cmi5.masteryScore,
        returnURL: `${origin}/lms/returned.html`,
        endpoint: `${origin}/xapi/`,
        fetchBase: `${origin}/cmi5/fetch/`,
      }).url;
    }
    sendJson(res, 200, {
      build: buildInfo(outcome),
      slot,
      session: record.session,
      learner,
      actor,
      registration: record.registration,
      record: { cmi: record.cmi ?? null, exit: record.exit, commits: record.commits, lastCommit: record.lastCommit ?? null },
      url,
    });
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: Error) => {
      log(`preview: ${req.method} ${req.url}: ${error.message}`);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`preview server error: ${error.message}`);
    });
  });

  port = await listen(server, options.port ?? 0, options.portFallback ?? false);

  const report = (target: TargetId) => (outcome: BuildOutcome) => {
    if (outcome.ok) log(`built ${target}/${outcome.course.lang} in ${outcome.course.ms} ms`);
    else log(`content errors (shown in the page):\n${outcome.diagnostics.map((d) => `  ${d.file}:${d.line}:${d.column}  ${d.message}`).join('\n') || `  ${outcome.message}`}`);
  };
  // Build what the page opens with now, so that it is ready when the browser asks.
  void builds.get(DEFAULT_TARGET).then(report(DEFAULT_TARGET));

  let timer: ReturnType<typeof setTimeout> | undefined;
  let pendingFiles = new Set<string>();
  function changed(files: string[] = []): void {
    for (const f of files) pendingFiles.add(f);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const list = [...pendingFiles];
      pendingFiles = new Set();
      const gen = builds.invalidate();
      // Start the build the page will ask for at once; its request joins this one.
      if (last) {
        const { target, lang } = last;
        void builds.get(target, lang).then(report(target));
      }
      broadcast({ type: 'changed', gen, files: list });
    }, options.debounceMs ?? 80);
  }

  let watcher: FSWatcher | undefined;
  if (options.watch !== false) {
    watcher = watch(courseDir, {
      ignoreInitial: true,
      ignored: (file: string) => {
        const rel = path.relative(courseDir, file);
        return rel.split(path.sep).some((part) => part.startsWith('.') || part === 'node_modules') || /~$|\.swp$/.test(rel);
      },
    });
    watcher.on('all', (_event, file) => changed([path.relative(process.cwd(), file)]));
    watcher.on('error', (error) => log(`preview: watching ${courseDir} failed: ${(error as Error).message}`));
    await new Promise<void>((resolve) => watcher!.once('ready', () => resolve()));
  }

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    builds,
    lrs,
    learners,
    changed,
    async close() {
      clearTimeout(timer);
      clearInterval(heartbeat);
      await watcher?.close();
      for (const c of clients) c.end();
      clients.clear();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Listens on 127.0.0.1 only; with fallback, the next free port when this one is taken. */
async function listen(server: Server, port: number, fallback: boolean): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const wanted = port === 0 ? 0 : port + attempt;
    try {
      await new Promise<void>((resolve, reject) => {
        const onError = (error: Error) => {
          server.off('listening', onListening);
          reject(error);
        };
        const onListening = () => {
          server.off('error', onError);
          resolve();
        };
        server.once('error', onError);
        server.once('listening', onListening);
        server.listen(wanted, '127.0.0.1');
      });
      return (server.address() as { port: number }).port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || !fallback || attempt >= 20) throw error;
    }
  }
}
