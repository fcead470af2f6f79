import type { Statement } from '@xapi/xapi';
import type { LrsResponse } from '../../src/runtime/tracking/lrs-client';
import { backoffMs, Outbox, type KeyValueStore, type OutboxState, type StatementTransport } from '../../src/runtime/tracking/outbox';

/** localStorage stand-in: a Map, readable by a second Outbox like a reloaded page would. */
class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

/** An LRS whose answers the test scripts, recording what reached it. */
class ScriptedLrs implements StatementTransport {
  posts: string[][] = [];
  puts: string[] = [];
  answer: (kind: 'post' | 'put', ids: string[]) => number = () => 200;
  async post(batch: Statement[]): Promise<LrsResponse> {
    const ids = batch.map((s) => s.id!);
    this.posts.push(ids);
    return { status: this.answer('post', ids), body: '', etag: null };
  }
  async put(s: Statement): Promise<LrsResponse> {
    this.puts.push(s.id!);
    return { status: this.answer('put', [s.id!]), body: '', etag: null };
  }
}

const statement = (n: number): Statement => ({ id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, actor: { mbox: 'mailto:a@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: `https://example.org/p/${n}` }, timestamp: new Date(n).toISOString() });
const stored = (store: MemoryStore) => (JSON.parse(store.getItem('q') ?? '[]') as Statement[]).map((s) => s.id);
const settle = () => new Promise((r) => setImmediate(r));

afterEach(() => jest.useRealTimers());

test('a statement is in storage before it is sent, and leaves only when the LRS acknowledges it', async () => {
  const store = new MemoryStore();
  const lrs = new ScriptedLrs();
  let inStorageWhenSent: (string | undefined)[] = [];
  lrs.answer = () => ((inStorageWhenSent = stored(store)), 204);
  const outbox = new Outbox('q', store, lrs);
  outbox.add(statement(1));
  await outbox.flush();
  expect(inStorageWhenSent).toEqual([statement(1).id]);
  expect(store.getItem('q')).toBeNull();
});

test('offline: kept, retried with backoff, state offline then idle; sent in creation order', async () => {
  jest.useFakeTimers();
  const store = new MemoryStore();
  const lrs = new ScriptedLrs();
  const states: OutboxState[] = [];
  let down = true;
  lrs.answer = () => (down ? 0 : 200);
  const outbox = new Outbox('q', store, lrs);
  outbox.onState((s) => states.push(s));
  for (let n = 1; n <= 3; n++) outbox.add(statement(n));
  await jest.advanceTimersByTimeAsync(0);
  expect(stored(store)).toHaveLength(3);
  expect(states).toContain('offline');
  down = false;
  await jest.advanceTimersByTimeAsync(30000);
  expect(store.getItem('q')).toBeNull();
  expect(lrs.posts[lrs.posts.length - 1]).toEqual([1, 2, 3].map((n) => statement(n).id));
  expect(states[states.length - 1]).toBe('idle');
});

test('a reloaded page sends what the previous one left, under the same ids', async () => {
  const store = new MemoryStore();
  const offline = new ScriptedLrs();
  offline.answer = () => 503;
  const first = new Outbox('q', store, offline);
  first.add(statement(1));
  first.add(statement(2));
  await first.flush();
  first.stop();
  const lrs = new ScriptedLrs();
  const second = new Outbox('q', store, lrs);
  await second.flush();
  expect(lrs.posts).toEqual([[statement(1).id, statement(2).id]]);
  expect(store.getItem('q')).toBeNull();
});

test('409 on a batch: resent one by one with PUT; 204 and 409 both count as delivered', async () => {
  const store = new MemoryStore();
  const lrs = new ScriptedLrs();
  lrs.answer = (kind, ids) => (kind === 'post' ? 409 : ids[0] === statement(1).id ? 409 : 204);
  const outbox = new Outbox('q', store, lrs);
  outbox.add(statement(1));
  outbox.add(statement(2));
  await outbox.flush();
  expect(lrs.puts).toEqual([statement(1).id, statement(2).id]);
  expect(store.getItem('q')).toBeNull();
});

test('a statement the LRS refuses (400) is reported and does not block the ones after it', async () => {
  const store = new MemoryStore();
  const lrs = new ScriptedLrs();
  lrs.answer = (kind, ids) => (kind === 'post' || ids[0] === statement(1).id ? 400 : 200);
  const rejected: string[] = [];
  const outbox = new Outbox('q', store, lrs, (s) => rejected.push(s.id!));
  outbox.add(statement(1));
  outbox.add(statement(2));
  await outbox.flush();
  expect(rejected).toEqual([statement(1).id]);
  expect(lrs.puts).toEqual([statement(1).id, statement(2).id]);
  expect(store.getItem('q')).toBeNull();
});

test('401: expired, no more retries, statements kept for the next launch', async () => {
  jest.useFakeTimers();
  const store = new MemoryStore();
  const lrs = new ScriptedLrs();
  lrs.answer = () => 401;
  const states: OutboxState[] = [];
  const outbox = new Outbox('q', store, lrs);
  outbox.onState((s) => states.push(s));
  outbox.add(statement(1));
  await jest.advanceTimersByTimeAsync(120000);
  expect(lrs.posts).toHaveLength(1);
  expect(states).toContain('expired');
  expect(stored(store)).toEqual([statement(1).id]);
});

test('batches of at most 20, never the same id twice in one batch', async () => {
  const store = new MemoryStore();
  const lrs = new ScriptedLrs();
  lrs.answer = () => 503;
  const outbox = new Outbox('q', store, lrs);
  for (let n = 1; n <= 45; n++) outbox.add(statement(n));
  outbox.stop();
  lrs.answer = () => 200;
  const again = new Outbox('q', store, lrs);
  lrs.posts = [];
  await again.flush();
  expect(lrs.posts.map((b) => b.length)).toEqual([20, 20, 5]);
  for (const batch of lrs.posts) expect(new Set(batch).size).toBe(batch.length);
});

test('storage that refuses writes (full, private mode): the queue lives in memory for the session', async () => {
  const broken: KeyValueStore = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
  const lrs = new ScriptedLrs();
  lrs.answer = () => 503;
  const outbox = new Outbox('q', broken, lrs);
  outbox.add(statement(1));
  await settle();
  expect(outbox.pending().map((s) => s.id)).toEqual([statement(1).id]);
  lrs.answer = () => 200;
  await outbox.flush();
  expect(outbox.pending()).toEqual([]);
});

test('backoff doubles from 1 s to a 30 s ceiling, with ±20 % jitter', () => {
  expect([1, 2, 3, 4, 5, 6, 10].map((f) => backoffMs(f, () => 0.5))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  expect(backoffMs(1, () => 0)).toBe(800);
  expect(backoffMs(1, () => 1)).toBe(1200);
});

test('at pagehide (keepalive) one batch is sent, small enough for the 64 KB keepalive allowance', async () => {
  const store = new MemoryStore();
  const lrs = new ScriptedLrs();
  lrs.answer = () => 503;
  const outbox = new Outbox('q', store, lrs);
  for (let n = 1; n <= 20; n++) outbox.add({ ...statement(n), result: { response: 'x'.repeat(5000) } });
  outbox.stop();
  lrs.posts = [];
  lrs.answer = () => 200;
  await new Outbox('q', store, lrs).flush(true);
  expect(lrs.posts).toHaveLength(1);
  expect(lrs.posts[0]!.length).toBeLessThan(10);
  expect(stored(store)).toHaveLength(20 - lrs.posts[0]!.length);
});
