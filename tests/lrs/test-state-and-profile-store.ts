import { createHash } from 'node:crypto';

/**
 * TEST ONLY: the State and Agent Profile resources that LearningLocker's xapi-statements lacks, in
 * memory, with the xAPI 1.0.3 rules a runtime can trip over: unknown parameters → 400, registration
 * must be a UUID, ETags on GET, If-Match / If-None-Match → 412, PUT on an existing document without
 * either header → 409, POST merges JSON objects.
 */
export interface StoreResponse {
  status: number;
  body?: string;
  etag?: string;
  contentType?: string;
}

interface Stored {
  body: string;
  contentType: string;
  etag: string;
}

const RESOURCES = {
  'activities/state': { params: ['activityId', 'agent', 'registration', 'stateId', 'since'], id: 'stateId', required: ['activityId', 'agent'] },
  'agents/profile': { params: ['agent', 'profileId', 'since'], id: 'profileId', required: ['agent'] },
} as const;

export type DocumentResource = keyof typeof RESOURCES;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One identifier per agent, whatever order or extra properties the JSON had. */
function agentKey(json: string): string | undefined {
  try {
    const a = JSON.parse(json) as Record<string, unknown>;
    const ifi = a.mbox ?? a.mbox_sha1sum ?? a.openid ?? a.account;
    return ifi === undefined ? undefined : JSON.stringify(ifi, Object.keys(ifi as object).sort());
  } catch {
    return undefined;
  }
}

export class TestStateAndProfileStore {
  private readonly docs = new Map<string, Stored>();

  handle(resource: DocumentResource, method: string, query: URLSearchParams, headers: Record<string, string | undefined>, body: string): StoreResponse {
    const spec = RESOURCES[resource];
    const unknown = [...query.keys()].filter((k) => !(spec.params as readonly string[]).includes(k));
    if (unknown.length) return { status: 400, body: `unknown parameter(s): ${unknown.join(', ')}` };
    const missing = spec.required.filter((k) => !query.get(k));
    if (missing.length) return { status: 400, body: `missing parameter(s): ${missing.join(', ')}` };
    const agent = agentKey(query.get('agent')!);
    if (!agent) return { status: 400, body: 'agent is not an Agent with one identifier' };
    const registration = query.get('registration');
    if (registration && !UUID.test(registration)) return { status: 400, body: 'registration is not a UUID' };
    const id = query.get(spec.id);
    const scope = [resource, query.get('activityId') ?? '', agent, registration ?? ''].join('|');
    if (!id) {
      if (method !== 'GET') return { status: 400, body: `${spec.id} is required for ${method}` };
      const ids = [...this.docs.keys()].filter((k) => k.startsWith(`${scope}|`)).map((k) => k.slice(scope.length + 1));
      return { status: 200, body: JSON.stringify(ids), contentType: 'application/json' };
    }
    return this.one(method, `${scope}|${id}`, headers, body);
  }

  private one(method: string, key: string, headers: Record<string, string | undefined>, body: string): StoreResponse {
    const current = this.docs.get(key);
    const ifMatch = headers['if-match'];
    const ifNoneMatch = headers['if-none-match'];
    if (method === 'GET') return current ? { status: 200, body: current.body, etag: current.etag, contentType: current.contentType } : { status: 404 };
    if (method === 'DELETE') {
      if (ifMatch && ifMatch !== current?.etag) return { status: 412 };
      this.docs.delete(key);
      return { status: 204 };
    }
    if (ifMatch && ifMatch !== current?.etag) return { status: 412, body: 'If-Match does not match the current ETag' };
    if (ifNoneMatch === '*' && current) return { status: 412, body: 'the document exists (If-None-Match: *)' };
    const contentType = (headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim();
    if (method === 'PUT') {
      if (current && !ifMatch && !ifNoneMatch) return { status: 409, body: 'the document exists: read it and send If-Match with its ETag' };
      this.save(key, body, contentType);
      return { status: 204 };
    }
    if (method === 'POST') {
      if (current && (contentType !== 'application/json' || current.contentType !== 'application/json')) return { status: 400, body: 'POST merges JSON documents only' };
      let merged: string;
      try {
        const patch = JSON.parse(body) as object;
        merged = JSON.stringify({ ...(current ? (JSON.parse(current.body) as object) : {}), ...patch });
      } catch {
        return { status: 400, body: 'body is not JSON' };
      }
      this.save(key, merged, 'application/json');
      return { status: 204 };
    }
    return { status: 405 };
  }

  private save(key: string, body: string, contentType: string): void {
    this.docs.set(key, { body, contentType, etag: `"${createHash('sha1').update(body).digest('hex')}"` });
  }
}
