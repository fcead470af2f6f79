import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { CMI5, type Cmi5LaunchData, type Cmi5LaunchMode, type Cmi5MoveOn } from '../../src/standards/cmi5';
import { cmi5Violations, type Cmi5SessionInfo } from './cmi5-checks';
import type { TestLrs } from './test-lrs-endpoint';

export interface LaunchOptions {
  registration?: string;
  mode?: Cmi5LaunchMode;
  masteryScore?: number;
  moveOn?: Cmi5MoveOn;
  /** Give the AU a returnURL (served by this LMS). */
  withReturnURL?: boolean;
}

export interface Cmi5Launch {
  url: string;
  registration: string;
  sessionId: string;
  returnURL?: string;
}

/**
 * TEST ONLY: the LMS side of a cmi5 launch (cmi5_spec.md §8, §10, §11). Per launch it makes a
 * session, a one-time fetch URL whose token is a Basic credential the test LRS accepts, writes
 * LMS.LaunchData and the learner preferences, records "launched", and builds the launch URL.
 * Afterwards `violations()` reads the registration's statements back and checks cmi5's rules.
 */
export class TestCmi5Lms {
  readonly actor = { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: `learner-${randomUUID().slice(0, 8)}` } };
  readonly publisherId: string;
  /** POSTs per fetch URL (a reload must not make a second one). */
  readonly fetchCalls = new Map<string, number>();
  readonly sessions: Cmi5SessionInfo[] = [];
  private readonly tokens = new Map<string, string>();
  private baseUrl = '';
  private readonly server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (url.pathname.startsWith('/fetch/') && req.method === 'POST') {
      const session = url.pathname.slice('/fetch/'.length);
      const calls = (this.fetchCalls.get(session) ?? 0) + 1;
      this.fetchCalls.set(session, calls);
      const token = this.tokens.get(session);
      const body = calls === 1 && token ? { 'auth-token': token } : { 'error-code': '1', 'error-text': 'The authorization token has already been returned.' };
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    }
    if (url.pathname === '/returned') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>LMS</title><h1>Back in the LMS</h1>');
    res.writeHead(404).end();
  });

  constructor(
    private readonly lrs: TestLrs,
    private readonly auUrl: string,
    readonly activityId: string,
    publisherId: string,
  ) {
    this.publisherId = publisherId;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections(); // browsers keep connections alive; do not wait for them
    return closed;
  }

  async launch(options: LaunchOptions = {}): Promise<Cmi5Launch> {
    const registration = options.registration ?? randomUUID();
    await this.abandonOpenSessions(registration);
    const sessionId = randomUUID();
    const mode = options.mode ?? 'Normal';
    const moveOn = options.moveOn ?? 'CompletedAndPassed';
    this.tokens.set(sessionId, this.lrs.addCredential(`au-session-${sessionId}`).token);
    const returnURL = options.withReturnURL ? `${this.baseUrl}/returned?session=${sessionId}` : undefined;
    const launchData: Cmi5LaunchData = {
      contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: this.publisherId }] }, extensions: { [CMI5.extensions.sessionId]: sessionId } },
      launchMode: mode,
      moveOn,
    };
    if (options.masteryScore !== undefined) launchData.masteryScore = options.masteryScore;
    if (returnURL) launchData.returnURL = returnURL;
    const agent = JSON.stringify(this.actor);
    const state = { activityId: this.activityId, agent, registration, stateId: CMI5.launchDataStateId };
    const existing = await this.lrs.asLms('GET', 'activities/state', state);
    const guard: Record<string, string> = existing.status === 200 && existing.etag ? { 'If-Match': existing.etag } : { 'If-None-Match': '*' };
    await this.expectOk(this.lrs.asLms('PUT', 'activities/state', state, launchData, guard), 'LMS.LaunchData');
    const prefs = { agent, profileId: CMI5.learnerPreferencesProfileId };
    if ((await this.lrs.asLms('GET', 'agents/profile', prefs)).status === 404) {
      await this.expectOk(this.lrs.asLms('PUT', 'agents/profile', prefs, { languagePreference: 'en-GB,fr', audioPreference: 'on' }, { 'If-None-Match': '*' }), 'learner preferences');
    }
    await this.expectOk(this.lrs.asLms('POST', 'statements', {}, this.launched(registration, sessionId, launchData)), 'launched');
    this.sessions.push({ sessionId, registration, mode, masteryScore: options.masteryScore });
    const query = new URLSearchParams({ endpoint: this.lrs.endpoint, fetch: `${this.baseUrl}/fetch/${sessionId}`, actor: agent, registration, activityId: this.activityId });
    return { url: `${this.auUrl}?${query}`, registration, sessionId, returnURL };
  }

  /** Every cmi5 rule the registration's statements break (empty when all is well). */
  async violations(registration: string): Promise<string[]> {
    const statements = await this.lrs.statements(registration);
    return cmi5Violations(statements, this.sessions.filter((s) => s.registration === registration), { activityId: this.activityId, publisherId: this.publisherId, actor: this.actor });
  }

  /**
   * §9.3.6: a session of this registration that never sent terminated was ended abnormally (the tab
   * was closed); the LMS records abandoned for it before launching the next one.
   */
  private async abandonOpenSessions(registration: string): Promise<void> {
    const earlier = this.sessions.filter((x) => x.registration === registration);
    if (!earlier.length) return;
    const statements = await this.lrs.statements(registration);
    for (const session of earlier) {
      const own = statements.filter((st) => st.context?.extensions?.[CMI5.extensions.sessionId] === session.sessionId);
      if (own.some((st) => st.verb.id === CMI5.verbs.terminated || st.verb.id === CMI5.verbs.abandoned)) continue;
      const ms = Date.parse(own[own.length - 1]!.timestamp) - Date.parse(own[0]!.timestamp);
      const abandoned = {
        ...this.lmsStatement(CMI5.verbs.abandoned, registration, session.sessionId, {}),
        result: { duration: `PT${Math.max(0, ms / 1000).toFixed(2)}S` },
      };
      await this.expectOk(this.lrs.asLms('POST', 'statements', {}, abandoned), 'abandoned');
    }
  }

  private lmsStatement(verbId: string, registration: string, sessionId: string, extensions: Record<string, unknown>) {
    return {
      id: randomUUID(),
      actor: this.actor,
      verb: { id: verbId, display: { 'en-US': verbId.split('/').pop()! } },
      object: { objectType: 'Activity', id: this.activityId },
      context: { registration, contextActivities: { grouping: [{ id: this.publisherId }], category: [{ id: CMI5.categories.cmi5 }] }, extensions: { [CMI5.extensions.sessionId]: sessionId, ...extensions } },
      timestamp: new Date().toISOString(),
    };
  }

  private launched(registration: string, sessionId: string, data: Cmi5LaunchData) {
    const extensions: Record<string, unknown> = { [CMI5.extensions.launchMode]: data.launchMode, [CMI5.extensions.launchUrl]: this.auUrl, [CMI5.extensions.moveOn]: data.moveOn };
    if (data.masteryScore !== undefined) extensions[CMI5.extensions.masteryScore] = data.masteryScore;
    return this.lmsStatement(CMI5.verbs.launched, registration, sessionId, extensions);
  }

  private async expectOk(pending: Promise<{ status: number; body: string }>, what: string): Promise<void> {
    const res = await pending;
    if (res.status >= 300) throw new Error(`test LMS: writing ${what} failed with ${res.status}: ${res.body}`);
  }
}
