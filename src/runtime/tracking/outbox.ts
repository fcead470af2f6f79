import type { Statement } from '@xapi/xapi';
import type { LrsResponse } from './lrs-client';

/** The slice of localStorage the outbox needs (a Map in unit tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** How statements reach the LRS: POST a batch, or PUT one by its id. */
export interface StatementTransport {
  post(batch: Statement[], keepalive: boolean): Promise<LrsResponse>;
  put(statement: Statement, keepalive: boolean): Promise<LrsResponse>;
}

export type OutboxState = 'sending' | 'idle' | 'offline' | 'expired';

/** 1, 2, 4, 8, 16 s, then every 30 s, each ±20 % so that many learners do not retry in step. */
export function backoffMs(failures: number, random = Math.random): number {
  const base = Math.min(30000, 1000 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}

const BATCH = 20;
const KEEPALIVE_BYTES = 48000;

/** The LRS has the statement: stored now (200/204), or already stored under our id (409, item 49). */
const delivered = (status: number) => status === 200 || status === 204 || status === 409;
/** Worth retrying later: no answer, timeout, throttled, server trouble. */
const transient = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;
const expired = (status: number) => status === 401 || status === 403;

/**
 * Every statement is written to storage when it is created (id and timestamp fixed then) and leaves
 * only when the LRS acknowledges it; sending goes in creation order, in batches, with backoff.
 * Storage, not memory, is the queue: a reload, a second tab or a crash finds the same list, and a
 * resend carries the same id, so the LRS stores each statement once (items 48, 49).
 */
export class Outbox {
  private sending?: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;
  private failures = 0;
  private stopped = false;
  private state: OutboxState = 'idle';
  private readonly listeners: ((s: OutboxState) => void)[] = [];
  /** Kept in memory too, for when storage is full or forbidden (private mode). */
  private memory: Statement[] = [];
  private persisted: boolean;

  constructor(
    private readonly key: string,
    private readonly store: KeyValueStore | undefined,
    private readonly transport: StatementTransport,
    private readonly onRejected: (s: Statement, res: LrsResponse) => void = () => {},
  ) {
    this.persisted = !!store;
    this.memory = this.read();
  }

  /** Statements not yet acknowledged, oldest first. */
  pending(): Statement[] {
    return this.read();
  }

  onState(listener: (s: OutboxState) => void): void {
    this.listeners.push(listener);
  }

  add(statement: Statement): void {
    this.write([...this.read(), statement]);
    void this.flush();
  }

  /** Sends what is pending now; with keepalive the last batch may outlive the page (pagehide). */
  flush(keepalive = false): Promise<void> {
    clearTimeout(this.timer);
    if (keepalive) return this.sendOnce(true);
    if (!this.sending) {
      this.sending = this.drain().finally(() => (this.sending = undefined));
    }
    return this.sending;
  }

  /** No more timers (session over or credentials refused); pending statements stay stored. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private async drain(): Promise<void> {
    while (!this.stopped && this.read().length) {
      this.emit('sending');
      const outcome = await this.sendBatch(this.read().slice(0, BATCH), false);
      if (this.stopped) return;
      if (outcome === 'expired') {
        this.stop();
        return this.emit('expired');
      }
      if (outcome === 'retry') {
        this.failures++;
        this.emit('offline');
        this.timer = setTimeout(() => void this.flush(), backoffMs(this.failures));
        return;
      }
      this.failures = 0;
    }
    if (!this.stopped) this.emit('idle');
  }

  /** One batch that fits the 64 KB browsers allow in flight for keepalive requests (the state document shares it). */
  private async sendOnce(keepalive: boolean): Promise<void> {
    const batch: Statement[] = [];
    let size = 0;
    for (const s of this.read().slice(0, BATCH)) {
      size += JSON.stringify(s).length;
      if (batch.length && size > KEEPALIVE_BYTES) break;
      batch.push(s);
    }
    if (batch.length) await this.sendBatch(batch, keepalive);
  }

  /** One batch; a 409 or 400 on a batch is sorted out statement by statement with PUT. */
  private async sendBatch(batch: Statement[], keepalive: boolean): Promise<'ok' | 'retry' | 'expired'> {
    const res = await this.transport.post(batch, keepalive);
    if (delivered(res.status) && res.status !== 409) return this.acknowledge(batch), 'ok';
    if (expired(res.status)) return 'expired';
    if (transient(res.status)) return 'retry';
    for (const statement of batch) {
      const one = await this.transport.put(statement, keepalive);
      if (expired(one.status)) return 'expired';
      if (transient(one.status)) return 'retry';
      // A 4xx other than the above will never succeed: report it and let the queue move on.
      if (!delivered(one.status)) this.onRejected(statement, one);
      this.acknowledge([statement]);
    }
    return 'ok';
  }

  private acknowledge(batch: Statement[]): void {
    const done = new Set(batch.map((s) => s.id));
    this.write(this.read().filter((s) => !done.has(s.id)));
  }

  private read(): Statement[] {
    if (!this.persisted || !this.store) return this.memory.slice();
    try {
      return JSON.parse(this.store.getItem(this.key) ?? '[]') as Statement[];
    } catch {
      return this.memory.slice();
    }
  }

  private write(list: Statement[]): void {
    this.memory = list;
    try {
      if (list.length) this.store?.setItem(this.key, JSON.stringify(list));
      else this.store?.removeItem(this.key);
      this.persisted = !!this.store;
    } catch {
      // Storage full or forbidden: the in-memory copy is the queue from now on (sent this session).
      this.persisted = false;
    }
  }

  private emit(s: OutboxState): void {
    if (s === this.state && s !== 'sending') return;
    this.state = s;
    for (const l of this.listeners) l(s);
  }
}
