import { XAPI } from '../../standards/xapi';
import { json, type LrsClient, type LrsResponse } from './lrs-client';
import { backoffMs, type KeyValueStore, type OutboxState } from './outbox';

/** Outcome verbs whose statements go out once per registration; the value is the statement id. */
export type Sent = Partial<Record<'completed' | 'passed' | 'failed', string>>;

/** Our State API document, one per activity + agent + registration (item 41). */
export interface LearnerDocument {
  location?: string;
  bookmark?: string;
  sent: Sent;
  /** When the learner last changed it (ISO); the newer of the LRS and device copies wins. */
  updated: string;
}

export interface StateScope {
  activityId: string;
  /** The agent as JSON, as the State API's agent parameter wants it. */
  agent: string;
  registration?: string;
}

const DEBOUNCE_MS = 1000;

/**
 * Keeps the learner document in the State API with a copy on this device. The first write creates
 * it with PUT and If-None-Match: * (412: someone else made it, so re-read, merge which statements
 * were sent, and write ours); later writes POST only the keys that changed, which the State API
 * merges, so a write never needs an ETag we cannot know after our own PUT (item 41). The in-memory
 * document is the truth (item 2); failed writes are retried with the outbox's backoff.
 */
export class StateDocument {
  doc: LearnerDocument = { sent: {}, updated: new Date(0).toISOString() };
  /** Whether the LRS holds the document; undefined until a read says so. */
  private exists: boolean | undefined;
  private readonly changed = new Set<keyof LearnerDocument>();
  /** Keys of the write under way, resent with keepalive if the page goes meanwhile. */
  private inFlight: (keyof LearnerDocument)[] = [];
  private timer?: ReturnType<typeof setTimeout>;
  private writing?: Promise<void>;
  private failures = 0;
  private readonly listeners: ((s: OutboxState) => void)[] = [];

  constructor(
    private readonly client: LrsClient,
    private readonly scope: StateScope,
    private readonly store: KeyValueStore | undefined,
    private readonly deviceKey: string,
    private readonly readOnly = false,
  ) {}

  onState(listener: (s: OutboxState) => void): void {
    this.listeners.push(listener);
  }

  /** Reads the LRS copy and the device copy; false when the LRS could not be reached. */
  async load(): Promise<boolean> {
    const res = await this.get();
    const device = this.readDevice();
    const remote = res.status === 200 ? json<LearnerDocument>(res) : undefined;
    const newest = [remote, device].filter((d): d is LearnerDocument => !!d?.updated).sort((a, b) => b.updated.localeCompare(a.updated))[0];
    if (newest) this.doc = { ...newest, sent: { ...remote?.sent, ...device?.sent, ...newest.sent } };
    // The device copy is newer when the last write never arrived: send it again.
    if (device && (!remote || device.updated > remote.updated)) for (const k of Object.keys(this.doc)) this.changed.add(k as keyof LearnerDocument);
    return res.status !== 0;
  }

  update(change: Partial<LearnerDocument>): void {
    this.doc = { ...this.doc, ...change, sent: { ...this.doc.sent, ...change.sent }, updated: new Date().toISOString() };
    for (const k of Object.keys(change)) this.changed.add(k as keyof LearnerDocument);
    this.changed.add('updated');
    this.writeDevice();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
  }

  /** An outcome statement recorded as sent never reached the LRS: it may be sent again. */
  forget(verb: keyof Sent): void {
    const { [verb]: _, ...rest } = this.doc.sent;
    this.doc.sent = rest;
    this.update({ sent: {} });
  }

  /** Writes now if anything changed; with keepalive the request may outlive the page. */
  flush(keepalive = false): Promise<void> {
    clearTimeout(this.timer);
    if (this.readOnly) return Promise.resolve();
    // A write already in flight is cancelled when the page goes away, so it is sent again.
    if (keepalive) return this.changed.size || this.writing ? this.write([...this.changed, ...this.inFlight], true).then(() => undefined) : Promise.resolve();
    if (!this.writing) this.writing = this.writeLoop().finally(() => (this.writing = undefined));
    return this.writing;
  }

  private async writeLoop(): Promise<void> {
    while (this.changed.size) {
      this.emit('sending');
      this.inFlight = [...this.changed];
      this.changed.clear();
      const status = await this.write(this.inFlight, false);
      if (status < 200 || status >= 300) for (const k of this.inFlight) this.changed.add(k);
      this.inFlight = [];
      if (status === 401 || status === 403) return this.emit('expired');
      if (status === 0 || status === 408 || status === 429 || status >= 500 || status === 412 || status === 409) {
        this.failures++;
        this.emit('offline');
        this.timer = setTimeout(() => void this.flush(), backoffMs(this.failures));
        return;
      }
      if (status >= 400) console.error(`coursepack: the LRS refused the state document (${status})`);
      this.failures = 0;
    }
    this.emit('idle');
  }

  private async write(keys: (keyof LearnerDocument)[], keepalive: boolean): Promise<number> {
    let res: LrsResponse;
    if (this.exists || keepalive) {
      // POST creates a missing document too; at pagehide there is no time to ask, and a create
      // still in flight would turn a PUT with If-None-Match into a 412.
      const patch: Partial<LearnerDocument> = this.exists ? {} : { ...this.doc };
      for (const k of new Set(keys)) (patch as Record<string, unknown>)[k] = this.doc[k];
      res = await this.send('POST', patch, {}, keepalive);
    } else {
      res = await this.send('PUT', this.doc, { 'If-None-Match': '*' }, false);
      if (res.status === 412) {
        const current = await this.get();
        if (current.status === 200) this.doc.sent = { ...json<LearnerDocument>(current)?.sent, ...this.doc.sent };
        res = await this.send('POST', this.doc, {}, false);
      }
    }
    if (res.status >= 200 && res.status < 300) this.exists = true;
    return res.status;
  }

  private async get(): Promise<LrsResponse> {
    const res = await this.send('GET', undefined, {}, false);
    if (res.status === 200) this.exists = true;
    else if (res.status === 404) this.exists = false;
    return res;
  }

  private send(method: 'GET' | 'PUT' | 'POST', body: unknown, headers: Record<string, string>, keepalive: boolean): Promise<LrsResponse> {
    const { activityId, agent, registration } = this.scope;
    return this.client.send({ method, resource: 'activities/state', params: { activityId, agent, registration, stateId: XAPI.stateId }, body, headers, keepalive });
  }

  private readDevice(): LearnerDocument | undefined {
    try {
      return JSON.parse(this.store?.getItem(this.deviceKey) ?? 'null') ?? undefined;
    } catch {
      return undefined;
    }
  }

  private writeDevice(): void {
    try {
      this.store?.setItem(this.deviceKey, JSON.stringify(this.doc));
    } catch {
      /* storage full or forbidden: the LRS copy still gets written */
    }
  }

  private emit(s: OutboxState): void {
    for (const l of this.listeners) l(s);
  }
}
