import { createServer, type Server } from 'node:http';
import path from 'node:path';
import JSZip from 'jszip';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp', '.webm': 'video/webm', '.mp4': 'video/mp4', '.ogg': 'audio/ogg', '.vtt': 'text/vtt' };

export interface StaticServer {
  url: string;
  /** Mounts a zip's files (in memory) under /<prefix>/. */
  mountZip(prefix: string, zip: Buffer): Promise<void>;
  /** Serves a file or text at a path. */
  put(urlPath: string, body: string | Buffer): void;
  close(): Promise<void>;
  server: Server;
}

/** A loopback HTTP server for packages and launcher pages: what an LMS's content host would be. */
export async function startStaticServer(): Promise<StaticServer> {
  const files = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const body = files.get(urlPath);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(urlPath)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    async mountZip(prefix, zip) {
      const archive = await JSZip.loadAsync(zip);
      for (const entry of Object.values(archive.files)) {
        if (!entry.dir) files.set(`/${prefix}/${entry.name}`, await entry.async('nodebuffer'));
      }
    },
    put(urlPath, body) {
      files.set(urlPath, Buffer.isBuffer(body) ? body : Buffer.from(body));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
