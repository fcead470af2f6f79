import { createHash, randomUUID } from 'node:crypto';
import { CMI5, type Cmi5LaunchData } from '../standards/cmi5';
import { XAPI } from '../standards/xapi';

/**
 * The preview's own LRS and cmi5 LMS, in memory: enough of xAPI 1.0.3 for a course to run against
 * (Statement API, State API, Agent Profile API, About) with the rules a runtime can trip over —
 * X-Experience-API-Version required, unknown parameters refused, registration a UUID, statement ids
 * unique, If-Match / If-None-Match honoured, POST merging JSON documents — plus the LMS side of a
 * cmi5 launch (fetch URL, LMS.LaunchData, launched, abandoned; cmi5_spec.md §8, §10, §9.3.6).
 * Not a conformant LRS: no voiding, no attachments, no signed statements, no paging.
 */
export interface LrsRequestLog {
  seq: number;
  time: string;
  method: string;
  resource: string;
  params: Record<string, string>;
  status: number;
  /** Why a request was refused, when it was. */
  error?: string;
}

export type LrsEvent =
  | { type: 'lrs'; entry: LrsRequestLog }
  | { type: 'statement'; statement: Record<string, any> }
  | { type: 'document'; resource: string; params: Record<string, string>; body: string | null };

export interface LrsResponse {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

interface Stored {
  body: string;
  contentType: string;
  etag: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const DOCUMENTS: Record<string, { params: string[]; id: string; required: string[] }> = {
  'activities/state': { params: ['activityId', 'agent', 'registration', 'stateId', 'since'], id: 'stateId', required: ['activityId', 'agent'] },
  'agents/profile': { params: ['agent', 'profileId', 'since'], id: 'profileId', required: ['agent'] },
};
const STATEMENT_PARAMS = ['statementId', 'voidedStatementId', 'agent', 'verb', 'activity', 'registration', 'related_activities', 'related_agents', 'since', 'until', 'limit', 'format', 'attachments', 'ascending'];

/** One identifier per agent, whatever order or extra properties the JSON had. */
function agentKey(agent: unknown): string | undefined {
  if (!agent || typeof agent !== 'object') return undefined;
  const a = agent as Record<string, unknown>;
  const ifi = a.mbox ?? a.mbox_sha1sum ?? a.openid ?? a.account;
  if (ifi === undefined) return undefined;
  return typeof ifi === 'object' && ifi ? JSON.stringify(ifi, Object.keys(ifi).sort()) : String(ifi);
}

function parseAgent(json: string | null): string | undefined {
  try {
    return json ? agentKey(JSON.parse(json)) : undefined;
  } catch {
    return undefined;
  }
}

export interface Cmi5LaunchRequest {
  /** Where the AU is served, e.g. http://127.0.0.1:4173/pkg/3/cmi5/en/index.html */
  auUrl: string;
  /** The LMS-generated activity id of the AU (never the publisher's AU id). */
  activityId: string;
  publisherId: string;
  actor: Record<string, unknown>;
  registration: string;
  moveOn: string;
  masteryScore?: number;
  returnURL?: string;
  endpoint: string;
  fetchBase: string;
}

export class PreviewLrs {
  readonly statements: Record<string, any>[] = [];
  readonly log: LrsRequestLog[] = [];
  /** Statement id → the statement as the client sent it, to tell a resend from a clash. */
  private readonly received = new Map<string, string>();
  private readonly docs = new Map<string, Stored>();
  /** cmi5 sessions by id: the one-time token, and whether the fetch URL was used. */
  private readonly sessions = new Map<string, { token: string; fetched: boolean; registration: string; activityId: string; actor: Record<string, unknown>; publisherId: string; started: number }>();
  private seq = 0;
  private readonly listeners: ((e: LrsEvent) => void)[] = [];

  onEvent(listener: (e: LrsEvent) => void): void {
    this.listeners.push(listener);
  }

  /** Forget every statement, document and session (a new learner). */
  reset(): void {
    this.statements.length = 0;
    this.log.length = 0;
    this.received.clear();
    this.docs.clear();
    this.sessions.clear();
  }

  /** One request under the xAPI endpoint; `resource` is the path after it, e.g. "statements". */
  handle(method: string, resource: string, query: URLSearchParams, headers: Record<string, string | string[] | undefined>, body: string): LrsResponse {
    const params = Object.fromEntries(query.entries());
    const answer = this.answer(method, resource, query, headers, body);
    const entry: LrsRequestLog = { seq: ++this.seq, time: new Date().toISOString(), method, resource, params, status: answer.status };
    if (answer.status >= 400) entry.error = answer.body;
    this.log.push(entry);
    this.emit({ type: 'lrs', entry });
    return { ...answer, headers: { 'X-Experience-API-Version': XAPI.version, ...answer.headers } };
  }

  private answer(method: string, resource: string, query: URLSearchParams, headers: Record<string, string | string[] | undefined>, body: string): LrsResponse {
    if (resource === 'about' && method === 'GET') return json(200, { version: [XAPI.version] });
    if (!headers['x-experience-api-version']) return { status: 400, body: 'the X-Experience-API-Version header is required' };
    if (!headers.authorization) return { status: 401, body: 'no Authorization header' };
    if (resource === 'statements') return this.statementResource(method, query, body);
    const doc = DOCUMENTS[resource];
    if (doc) return this.documentResource(resource, doc, method, query, headers, body);
    return { status: 404, body: `no resource "${resource}" in this preview LRS` };
  }

  private statementResource(method: string, query: URLSearchParams, body: string): LrsResponse {
    const unknown = [...query.keys()].filter((k) => !STATEMENT_PARAMS.includes(k));
    if (unknown.length) return { status: 400, body: `unknown parameter(s): ${unknown.join(', ')}` };
    if (method === 'GET') {
      const id = query.get('statementId');
      if (id) {
        const found = this.statements.find((s) => s.id === id);
        return found ? json(200, found) : { status: 404, body: 'no such statement' };
      }
      const registration = query.get('registration');
      const verb = query.get('verb');
      const list = this.statements.filter((s) => (!registration || s.context?.registration === registration) && (!verb || s.verb?.id === verb));
      return json(200, { statements: query.get('ascending') === 'true' ? list : [...list].reverse(), more: '' });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return { status: 400, body: 'the body is not JSON' };
    }
    if (method === 'PUT') {
      const id = query.get('statementId');
      if (!id || !UUID.test(id)) return { status: 400, body: 'PUT needs a statementId parameter that is a UUID' };
      if (Array.isArray(parsed)) return { status: 400, body: 'PUT takes one statement' };
      const s = parsed as Record<string, any>;
      if (s.id !== undefined && s.id !== id) return { status: 400, body: 'the statement id differs from the statementId parameter' };
      const problem = this.check({ ...s, id });
      if (problem) return { status: 400, body: problem };
      const known = this.received.get(id);
      // The same statement sent again (a retry after a lost answer) changes nothing: 204, as xAPI allows.
      if (known !== undefined) return known === JSON.stringify({ ...s, id }) ? { status: 204 } : { status: 409, body: 'another statement with this id is stored already' };
      this.store({ ...s, id });
      return { status: 204 };
    }
    if (method === 'POST') {
      const batch = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, any>[];
      const seen = new Set<string>();
      for (const s of batch) {
        const problem = this.check(s);
        if (problem) return { status: 400, body: problem };
        if (!s.id) continue;
        if (seen.has(s.id)) return { status: 400, body: `statement ${s.id} appears twice in the batch` };
        seen.add(s.id);
        const known = this.received.get(s.id);
        if (known !== undefined && known !== JSON.stringify(s)) return { status: 409, body: `another statement with id ${s.id} is stored already` };
      }
      // Statements sent again unchanged are acknowledged and not stored twice.
      const ids = batch.map((s) => (s.id && this.received.has(s.id) ? (s.id as string) : this.store({ ...s, id: s.id ?? randomUUID() })));
      return json(200, ids);
    }
    return { status: 405, body: `${method} is not allowed on statements` };
  }

  /** The checks a strict LRS makes that a runtime can fail. */
  private check(s: Record<string, any>): string | undefined {
    if (!s || typeof s !== 'object') return 'a statement must be an object';
    if (s.id !== undefined && !UUID.test(String(s.id))) return `statement id "${s.id}" is not a UUID`;
    if (!agentKey(s.actor) && s.actor?.objectType !== 'Group') return 'the actor has no identifier (mbox, mbox_sha1sum, openid or account)';
    if (!s.verb?.id) return 'the statement has no verb id';
    if (!s.object?.id && s.object?.objectType !== 'StatementRef' && s.object?.objectType !== 'Agent') return 'the statement has no object id';
    const registration = s.context?.registration;
    if (registration !== undefined && !UUID.test(String(registration))) return `context.registration "${registration}" is not a UUID`;
    if (s.result?.score?.scaled !== undefined && (s.result.score.scaled < -1 || s.result.score.scaled > 1)) return 'result.score.scaled is outside -1…1';
    return undefined;
  }

  private store(s: Record<string, any>): string {
    const stored: Record<string, any> = { ...s, timestamp: s.timestamp ?? new Date().toISOString(), stored: new Date().toISOString(), authority: { objectType: 'Agent', name: 'coursepack preview', mbox: 'mailto:preview@coursepack.invalid' }, version: s.version ?? '1.0.0' };
    this.received.set(stored.id, JSON.stringify(s));
    this.statements.push(stored);
    this.emit({ type: 'statement', statement: stored });
    return stored.id;
  }

  private documentResource(resource: string, spec: (typeof DOCUMENTS)[string], method: string, query: URLSearchParams, headers: Record<string, string | string[] | undefined>, body: string): LrsResponse {
    const unknown = [...query.keys()].filter((k) => !spec.params.includes(k));
    if (unknown.length) return { status: 400, body: `unknown parameter(s): ${unknown.join(', ')}` };
    const missing = spec.required.filter((k) => !query.get(k));
    if (missing.length) return { status: 400, body: `missing parameter(s): ${missing.join(', ')}` };
    const agent = parseAgent(query.get('agent'));
    if (!agent) return { status: 400, body: 'agent is not an Agent with one identifier' };
    const registration = query.get('registration');
    if (registration && !UUID.test(registration)) return { status: 400, body: 'registration is not a UUID' };
    const scope = [resource, query.get('activityId') ?? '', agent, registration ?? ''].join('|');
    const id = query.get(spec.id);
    if (!id) {
      if (method === 'GET') return json(200, [...this.docs.keys()].filter((k) => k.startsWith(`${scope}|`)).map((k) => k.slice(scope.length + 1)));
      if (method === 'DELETE' && resource === 'activities/state') {
        for (const k of [...this.docs.keys()]) if (k.startsWith(`${scope}|`)) this.docs.delete(k);
        return { status: 204 };
      }
      return { status: 400, body: `${spec.id} is required for ${method}` };
    }
    const key = `${scope}|${id}`;
    const current = this.docs.get(key);
    const header = (name: string) => {
      const v = headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const ifMatch = header('if-match');
    const ifNoneMatch = header('if-none-match');
    const params = Object.fromEntries(query.entries());
    if (method === 'GET') return current ? { status: 200, body: current.body, headers: { ETag: current.etag, 'Content-Type': current.contentType } } : { status: 404, body: 'no such document' };
    if (ifMatch && ifMatch !== current?.etag) return { status: 412, body: 'If-Match does not match the current ETag' };
    if (ifNoneMatch === '*' && current) return { status: 412, body: 'the document exists (If-None-Match: *)' };
    if (method === 'DELETE') {
      this.docs.delete(key);
      this.emit({ type: 'document', resource, params, body: null });
      return { status: 204 };
    }
    const contentType = (header('content-type') ?? 'application/octet-stream').split(';')[0]!.trim();
    if (method === 'PUT') {
      if (current && !ifMatch && !ifNoneMatch) return { status: 409, body: 'the document exists: read it and send If-Match with its ETag' };
      this.save(key, body, contentType);
    } else if (method === 'POST') {
      if (current && (contentType !== 'application/json' || current.contentType !== 'application/json')) return { status: 400, body: 'POST merges JSON documents only' };
      try {
        const patch = JSON.parse(body) as object;
        if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return { status: 400, body: 'POST merges JSON objects only' };
        this.save(key, JSON.stringify({ ...(current ? (JSON.parse(current.body) as object) : {}), ...patch }), 'application/json');
      } catch {
        return { status: 400, body: 'the body is not JSON' };
      }
    } else return { status: 405, body: `${method} is not allowed on ${resource}` };
    this.emit({ type: 'document', resource, params, body: this.docs.get(key)!.body });
    return { status: 204 };
  }

  private save(key: string, body: string, contentType: string): void {
    this.docs.set(key, { body, contentType, etag: `"${createHash('sha1').update(body).digest('hex')}"` });
  }

  /** The State API documents of a registration, by stateId (for the panel). */
  stateOf(registration: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, doc] of this.docs) {
      const parts = key.split('|');
      if (parts[0] === 'activities/state' && parts[parts.length - 2] === registration) out[parts[parts.length - 1]!] = doc.body;
    }
    return out;
  }

  /**
   * The LMS's part of a cmi5 launch: record abandoned for an earlier session of the registration
   * that never sent terminated, make a session with a one-time fetch URL, write LMS.LaunchData,
   * send launched, and return the launch URL (§8.1).
   */
  launchCmi5(req: Cmi5LaunchRequest): { url: string; sessionId: string } {
    this.abandonOpenSessions(req.registration);
    const sessionId = randomUUID();
    const token = Buffer.from(`cmi5-${sessionId}:${randomUUID()}`).toString('base64');
    this.sessions.set(sessionId, { token, fetched: false, registration: req.registration, activityId: req.activityId, actor: req.actor, publisherId: req.publisherId, started: Date.now() });
    const launchData: Cmi5LaunchData = {
      contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: req.publisherId }] }, extensions: { [CMI5.extensions.sessionId]: sessionId } },
      launchMode: 'Normal',
      moveOn: req.moveOn as Cmi5LaunchData['moveOn'],
    };
    if (req.masteryScore !== undefined) launchData.masteryScore = req.masteryScore;
    if (req.returnURL) launchData.returnURL = req.returnURL;
    const key = ['activities/state', req.activityId, agentKey(req.actor) ?? '', req.registration, CMI5.launchDataStateId].join('|');
    this.save(key, JSON.stringify(launchData), 'application/json');
    this.emit({ type: 'document', resource: 'activities/state', params: { activityId: req.activityId, registration: req.registration, stateId: CMI5.launchDataStateId }, body: JSON.stringify(launchData) });
    const query = new URLSearchParams({ endpoint: req.endpoint, fetch: `${req.fetchBase}${sessionId}`, actor: JSON.stringify(req.actor), registration: req.registration, activityId: req.activityId });
    const url = `${req.auUrl}?${query}`;
    const extensions: Record<string, unknown> = { [CMI5.extensions.sessionId]: sessionId, [CMI5.extensions.launchMode]: 'Normal', [CMI5.extensions.launchUrl]: url, [CMI5.extensions.moveOn]: req.moveOn };
    if (req.masteryScore !== undefined) extensions[CMI5.extensions.masteryScore] = req.masteryScore;
    this.store(this.lmsStatement(CMI5.verbs.launched, 'launched', sessionId, extensions));
    return { url, sessionId };
  }

  /** POST to a fetch URL: the token once, error-code 1 after (§8.2). */
  fetch(sessionId: string): { status: number; body: Record<string, string> } {
    const session = this.sessions.get(sessionId);
    if (!session) return { status: 200, body: { 'error-code': '2', 'error-text': 'unknown session' } };
    if (session.fetched) return { status: 200, body: { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' } };
    session.fetched = true;
    return { status: 200, body: { 'auth-token': session.token } };
  }

  private abandonOpenSessions(registration: string): void {
    for (const [sessionId, session] of this.sessions) {
      if (session.registration !== registration) continue;
      const own = this.statements.filter((s) => s.context?.extensions?.[CMI5.extensions.sessionId] === sessionId);
      if (own.some((s) => s.verb?.id === CMI5.verbs.terminated || s.verb?.id === CMI5.verbs.abandoned)) continue;
      const last = own.reduce((t, s) => Math.max(t, Date.parse(s.timestamp) || 0), session.started);
      const abandoned = this.lmsStatement(CMI5.verbs.abandoned, 'abandoned', sessionId, { [CMI5.extensions.sessionId]: sessionId });
      abandoned.result = { duration: `PT${Math.max(0, (last - session.started) / 1000).toFixed(2)}S` };
      this.store(abandoned);
    }
  }

  private lmsStatement(verb: string, display: string, sessionId: string, extensions: Record<string, unknown>): Record<string, any> {
    const session = this.sessions.get(sessionId)!;
    return {
      id: randomUUID(),
      actor: session.actor,
      verb: { id: verb, display: { 'en-US': display } },
      object: { objectType: 'Activity', id: session.activityId },
      context: {
        registration: session.registration,
        contextActivities: { category: [{ objectType: 'Activity', id: CMI5.categories.cmi5 }], grouping: [{ objectType: 'Activity', id: session.publisherId }] },
        extensions,
      },
      timestamp: new Date().toISOString(),
    };
  }

  private emit(e: LrsEvent): void {
    for (const l of this.listeners) l(e);
  }
}

function json(status: number, value: unknown): LrsResponse {
  return { status, body: JSON.stringify(value), headers: { 'Content-Type': 'application/json' } };
}
