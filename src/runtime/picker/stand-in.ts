/**
 * Under a SCORM LMS the picker opens the one LMS session itself and puts a stand-in API on its own
 * window, which the player in the frame finds first: the stand-in answers Initialize from the open
 * session and adds or strips the language prefix of the location, so one Initialize and one
 * Terminate reach the LMS.
 */

type ApiFunction = (...args: string[]) => unknown;
export type ScormApi = Record<string, ApiFunction>;

export interface PickerSession {
  /** The language saved in the LMS location ("fr:page-id"), if one of ours. */
  saved: string;
  /** The language the frame shows: the prefix the stand-in adds to the location. */
  lang: string;
  started: boolean;
  ended: boolean;
}

const NAMES_12 = { init: 'LMSInitialize', end: 'LMSFinish', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError', text: 'LMSGetErrorString', diag: 'LMSGetDiagnostic' };
const NAMES_2004 = { init: 'Initialize', end: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', error: 'GetLastError', text: 'GetErrorString', diag: 'GetDiagnostic' };
const PREFIX = /^([A-Za-z0-9-]+):/;

/** Opens the session on `api` (named `apiName`) and installs the stand-in; undefined if Initialize fails. */
export function scormSession(api: ScormApi, apiName: string, known: (lang: string) => boolean): PickerSession | undefined {
  const v12 = apiName === 'API';
  const n = v12 ? NAMES_12 : NAMES_2004;
  // Called as methods of the LMS's object: its functions may need `this`.
  const lms = (name: string, ...args: string[]): unknown => api[name]!.apply(api, args);
  const location = v12 ? 'cmi.core.lesson_location' : 'cmi.location';
  if (String(lms(n.init, '')) !== 'true') return undefined;
  // A first attempt has no location: reading it anyway is an error in SCORM 2004.
  const fresh = lms(n.get, v12 ? 'cmi.core.entry' : 'cmi.entry') === 'ab-initio';
  const saved = fresh ? null : PREFIX.exec(String(lms(n.get, location) || ''));
  const session: PickerSession = { saved: saved && known(saved[1]!) ? saved[1]! : '', lang: '', started: false, ended: false };
  // Mark the attempt started and suspended now, as the player does, so a learner who closes the
  // window here leaves a sane record even if nothing sent at unload arrives (1.2 LMSes may turn a
  // SCO that never set its status into "completed").
  const status = v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status';
  const mode = String(lms(n.get, v12 ? 'cmi.core.lesson_mode' : 'cmi.mode'));
  if (mode !== 'browse' && mode !== 'review' && /^(|not attempted|unknown)$/.test(String(lms(n.get, status)))) {
    lms(n.set, status, 'incomplete');
    lms(n.set, v12 ? 'cmi.core.exit' : 'cmi.exit', 'suspend');
    lms(n.commit, '');
  }
  // The player asks GetLastError right after Initialize: answer for the stand-in, not for the read above.
  let justStarted = false;
  const call = (name: string, args: string[]) => {
    justStarted = false;
    return lms(name, ...args);
  };
  const stand: ScormApi = {
    [n.init]: () => {
      session.started = justStarted = true;
      return 'true';
    },
    [n.end]: (...args) => {
      session.ended = true;
      return call(n.end, args);
    },
    [n.get]: (...args) => {
      const value = String(call(n.get, args));
      return args[0] === location ? value.replace(PREFIX, '') : value;
    },
    [n.set]: (...args) => call(n.set, args[0] === location ? [args[0], `${session.lang}:${args[1]}`] : args),
    [n.commit]: (...args) => call(n.commit, args),
    [n.error]: () => (justStarted ? '0' : lms(n.error)),
    [n.text]: (...args) => lms(n.text, ...args),
    [n.diag]: (...args) => lms(n.diag, ...args),
  };
  (window as unknown as Record<string, unknown>)[apiName] = stand;
  // Closed before choosing: end the session this page opened (the player in the frame ends its own).
  window.addEventListener('pagehide', () => {
    if (session.started || session.ended) return;
    session.ended = true;
    lms(n.end, '');
  });
  return session;
}
