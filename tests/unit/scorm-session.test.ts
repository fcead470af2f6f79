import type { ScormCalls } from '../../src/runtime/tracking/scorm-session';
import type { MirrorRecord } from '../../src/runtime/tracking/scorm-mirror';

// The runtime reads location.search (debug switch) and localStorage (mirror): give Node both.
const storage = new Map<string, string>();
Object.assign(globalThis, {
  location: { search: '' },
  localStorage: {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => void storage.set(k, v),
    removeItem: (k: string) => void storage.delete(k),
    key: (i: number) => [...storage.keys()][i] ?? null,
    get length() {
      return storage.size;
    },
  },
});
const { ScormSession } = require('../../src/runtime/tracking/scorm-session') as typeof import('../../src/runtime/tracking/scorm-session');
const { ScormMirror } = require('../../src/runtime/tracking/scorm-mirror') as typeof import('../../src/runtime/tracking/scorm-mirror');

const ERRORS = { unsupported: ['401'], value: ['401', '402', '403', '404', '405'], session: ['101'], closed: ['301'] };

/** A 1.2 LMS whose answers the test scripts; it counts GetLastError calls. */
function lms(answer: (call: string) => [string, string] = () => ['true', '0']) {
  const log: string[] = [];
  let last = '0';
  const run = (call: string) => {
    log.push(call);
    const [result, code] = answer(call);
    last = code;
    return result;
  };
  const api: ScormCalls = {
    initialize: () => run('Initialize'),
    terminate: () => run('Terminate'),
    getValue: (e) => run(`GetValue ${e}`),
    setValue: (e, v) => run(`SetValue ${e}=${v}`),
    commit: () => run('Commit'),
    getLastError: () => (log.push('GetLastError'), last),
  };
  return { api, log };
}

describe('ScormSession', () => {
  test('asks GetLastError only after a call reports failure, and never re-sends a value the LMS holds', () => {
    const { api, log } = lms((c) => (c.startsWith('GetValue cmi.core.entry') ? ['', '0'] : c.startsWith('GetValue') ? ['normal', '0'] : ['true', '0']));
    const s = new ScormSession(api, ERRORS, 'cmi.core.lesson_mode');
    s.initialize();
    expect(s.get('cmi.core.lesson_mode')).toBe('normal');
    expect(s.get('cmi.core.entry')).toBe('');
    expect(s.set('cmi.core.lesson_location', 'p2')).toBe(true);
    expect(s.set('cmi.core.lesson_location', 'p2')).toBe(true);
    expect(s.commit()).toBe(true);
    expect(log).toEqual(['Initialize', 'GetValue cmi.core.lesson_mode', 'GetValue cmi.core.entry', 'GetLastError', 'SetValue cmi.core.lesson_location=p2', 'Commit']);
  });

  test('"false" with error 0 is success (item 9); a value the LMS refuses is dropped, not retried', () => {
    const { api } = lms((c) => (c.includes('bad') ? ['false', '405'] : ['false', '0']));
    const s = new ScormSession(api, ERRORS, 'cmi.core.lesson_mode');
    expect(s.initialize()).toBe(true);
    expect(s.set('cmi.core.lesson_location', 'p1')).toBe(true);
    expect(s.set('cmi.core.score.raw', 'bad')).toBe(true);
    expect(s.expired).toBe(false);
  });

  test('failing commits on an LMS that still answers reads are not an expired session', () => {
    const { api } = lms((c) => (c === 'Commit' ? ['false', '101'] : c.startsWith('GetValue') ? ['normal', '0'] : ['true', '0']));
    const s = new ScormSession(api, ERRORS, 'cmi.core.lesson_mode');
    s.initialize();
    for (let i = 0; i < 6; i++) expect(s.commit()).toBe(false);
    expect(s.expired).toBe(false);
    expect(s.open).toBe(true);
  });

  test('three general failures that a read confirms, or one "not initialized", expire the session: then no call is made', () => {
    let dead = false;
    const { api, log } = lms((c) => (dead ? [c.startsWith('GetValue') ? '' : 'false', '101'] : ['true', '0']));
    const s = new ScormSession(api, ERRORS, 'cmi.core.lesson_mode');
    let told = 0;
    s.onExpired = () => told++;
    s.initialize();
    dead = true;
    s.set('a', '1');
    s.set('b', '2');
    s.commit();
    expect(s.expired).toBe(true);
    expect(told).toBe(1);
    const calls = log.length;
    expect(s.set('c', '3')).toBe(false);
    expect(s.commit()).toBe(false);
    expect(s.terminate()).toBe(false);
    expect(log.length).toBe(calls);

    const closed = new ScormSession(lms((c) => (c === 'Initialize' ? ['true', '0'] : ['false', '301'])).api, ERRORS, 'cmi.core.lesson_mode');
    closed.initialize();
    closed.commit();
    expect(closed.expired).toBe(true);
  });
});

describe('ScormMirror', () => {
  const bookmark = (session: string, page: string) => `1abcd~A~A~${page}~${session}~`;
  const save = (m: InstanceType<typeof ScormMirror>, r: Partial<MirrorRecord>) => m.save({ bookmark: '', location: '', interactions: [], ...r });

  test('newer than the LMS by session number, or by content within one session; learners are kept apart', () => {
    const mine = new ScormMirror('course', 'learner-a');
    save(mine, { bookmark: bookmark('C', 'D') });
    expect(mine.newerThan(bookmark('B', 'F'))).toBe(true);
    expect(mine.newerThan(bookmark('C', 'B'))).toBe(true);
    expect(mine.newerThan(bookmark('C', 'D'))).toBe(false);
    expect(mine.newerThan(bookmark('D', 'A'))).toBe(false);
    expect(new ScormMirror('course', 'learner-b').record).toBeUndefined();
    expect(new ScormMirror('course', 'learner-a').record?.bookmark).toBe(bookmark('C', 'D'));
  });

  test('an LMS with no bookmark: resume an unconfirmed mirror, but start afresh after a confirmed one (a new attempt)', () => {
    const m = new ScormMirror('course', 'learner-c');
    save(m, { bookmark: bookmark('B', 'C') });
    expect(m.newerThan(undefined)).toBe(true);
    m.confirm();
    expect(m.newerThan(undefined)).toBe(false);
  });

  test('keeps only the interactions the LMS does not hold; at most 20 mirrors per browser', () => {
    const m = new ScormMirror('course', 'learner-d');
    save(m, { bookmark: bookmark('B', 'C'), interactions: [3, 4, 5].map((n) => ({ n, q: n, a: 0, r: 'correct', l: 0, t: 0 })) });
    expect(m.rebase(4).map((i) => i.n)).toEqual([4, 5]);
    for (let i = 0; i < 30; i++) save(new ScormMirror('course', `many-${i}`), { bookmark: bookmark('B', 'C') });
    ScormMirror.prune();
    expect([...storage.keys()].filter((k) => k.startsWith('coursepack-scorm:')).length).toBe(20);
  });
});
