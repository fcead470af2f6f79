import { XAPI } from '../../standards/xapi';

/** What came back; status 0 means the request never got an answer (offline, DNS, CORS, abort). */
export interface LrsResponse {
  status: number;
  body: string;
  etag: string | null;
}

export interface LrsRequest {
  method: 'GET' | 'PUT' | 'POST';
  /** Resource under the endpoint, e.g. "statements", "activities/state". */
  resource: string;
  /** Only the parameters the xAPI resource defines: an LRS rejects unknown ones with 400 (item 42). */
  params?: Record<string, string | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Lets the request outlive the page (pagehide); browsers cap such bodies at 64 KB in total. */
  keepalive?: boolean;
}

/**
 * The transport: a few lines over fetch instead of @xapi/xapi, whose bundle inlines axios
 * (18 KB gzip) and would not leave room for the player in the 35 KB budget (item 53).
 */
export class LrsClient {
  private readonly base: string;

  constructor(
    endpoint: string,
    private readonly auth: string,
  ) {
    this.base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  }

  async send(req: LrsRequest): Promise<LrsResponse> {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(req.params ?? {})) if (v !== undefined) query.set(k, v);
    const qs = query.toString();
    const headers: Record<string, string> = { 'X-Experience-API-Version': XAPI.version, ...req.headers };
    if (this.auth) headers.Authorization = this.auth;
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const res = await fetch(this.base + req.resource + (qs ? `?${qs}` : ''), {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        keepalive: req.keepalive,
        cache: 'no-store',
        credentials: 'omit',
      });
      return { status: res.status, body: await res.text(), etag: res.headers.get('ETag') };
    } catch {
      return { status: 0, body: '', etag: null };
    }
  }
}

/** Parses a JSON body, or undefined when it is empty or not JSON. */
export function json<T>(res: LrsResponse): T | undefined {
  try {
    return res.body ? (JSON.parse(res.body) as T) : undefined;
  } catch {
    return undefined;
  }
}
