/** SCORM through scorm-again (loaded by the page as a global): a strict LMS for the course in the frame. */
import type { Cmi, Launch } from './protocol';
import { render } from './render';
import { S, type ApiCall, type ScormAgainApi } from './state';

type ScormAgainClass = new (settings: Record<string, unknown>) => ScormAgainApi;
type Globals = Window & { Scorm12API?: ScormAgainClass; Scorm2004API?: ScormAgainClass; API?: unknown; API_1484_11?: unknown };
const global = window as unknown as Globals;

/** scorm-again did not load (the page then says SCORM cannot be emulated). */
export const scormAgainMissing = (): boolean => typeof global.Scorm12API !== 'function';

const API_NAMES: Record<string, string[]> = {
  scorm12: ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
  scorm2004: ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
};

export function removeScormApi(): void {
  try {
    delete global.API;
  } catch {
    global.API = undefined;
  }
  try {
    delete global.API_1484_11;
  } catch {
    global.API_1484_11 = undefined;
  }
  S.api = null;
}

/**
 * A strict LMS, as the end-to-end tests use: scorm-again with autocommit off and no mastery
 * override; every commit is POSTed synchronously to the preview server, the learner's record
 * across launches. The record is loaded back at each launch, with entry "resume" after a suspend.
 */
export function installScormApi(answer: Launch, label: string): void {
  removeScormApi();
  const is12 = S.target === 'scorm12';
  const session = answer.session;
  const commitUrl = `/api/scorm/commit?slot=${encodeURIComponent(answer.slot)}&session=${session}`;
  const settings = {
    autocommit: false,
    lmsCommitUrl: commitUrl,
    dataCommitFormat: 'json',
    logLevel: 5,
    mastery_override: false,
    autoCompleteLessonStatus: false,
    sendFullCommit: true,
  };
  const api = is12 ? new global.Scorm12API!(settings) : new global.Scorm2004API!(settings);
  const record = answer.record;
  if (record.cmi) api.loadFromJSON(record.cmi, '');
  const resume = !!record.cmi && record.exit === 'suspend';
  const entry = resume ? 'resume' : record.cmi ? '' : 'ab-initio';
  const mastery = answer.build.masteryScore;
  if (is12) {
    api.cmi.core.student_id = answer.learner.id;
    api.cmi.core.student_name = 'Learner, Preview';
    api.cmi.core.entry = entry;
    if (mastery !== undefined && mastery !== null) api.cmi.student_data.mastery_score = String(Math.round(mastery));
  } else {
    api.cmi.learner_id = answer.learner.id;
    api.cmi.learner_name = answer.learner.name;
    api.cmi.entry = entry;
    if (mastery !== undefined && mastery !== null) api.cmi.scaled_passing_score = String(mastery / 100);
  }
  S.api = api;
  S.apiSession = session;
  S.entry = entry;
  S.commits = record.commits;
  S.lastCommit = record.lastCommit;
  S.committed = record.cmi ? JSON.stringify(record.cmi) : null;
  S.calls.push({ separator: true, text: `${label} · entry "${entry}"` });
  global[is12 ? 'API' : 'API_1484_11'] = logged(api, API_NAMES[S.target]!, session, commitUrl);
}

/** The API the course sees: scorm-again's, with every call logged for the panel. */
function logged(api: ScormAgainApi, names: string[], session: number, commitUrl: string): Record<string, (...args: unknown[]) => unknown> {
  const [, terminate, , , commit, getError, getErrorString] = names as [string, string, string, string, string, string, string];
  const invoke = (name: string, args: unknown[]): unknown => (api[name] as (...a: unknown[]) => unknown).apply(api, args);
  const wrapped: Record<string, (...args: unknown[]) => unknown> = {};
  for (const name of names) {
    wrapped[name] = (...args: unknown[]) => {
      const result = invoke(name, args);
      if (/LastError|ErrorString|Diagnostic/.test(name)) return result;
      const code = String(invoke(getError, []));
      const call: ApiCall = { fn: name, args, result: String(result), error: code, time: new Date().toISOString(), session };
      if (code !== '0') call.errorText = String(invoke(getErrorString, [code]));
      if (session === S.apiSession) {
        S.calls.push(call);
        if ((name === commit || name === terminate) && code === '0') {
          S.committed = JSON.stringify(api.cmi);
          S.commits++;
          S.lastCommit = call.time;
        }
        render();
      }
      // Terminate's own commit goes by beacon, which a closing frame may drop: keep the record
      // as the LMS would have received it, synchronously, before the next launch reads it.
      if (name === terminate && code === '0') {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${commitUrl}&via=terminate`, false);
        xhr.setRequestHeader('Content-Type', 'application/json');
        try {
          xhr.send(JSON.stringify({ cmi: JSON.parse(JSON.stringify(api.cmi)) }));
        } catch {
          /* the panel still has it */
        }
      }
      return result;
    };
  }
  return wrapped;
}

/** The CMI as JSON now (scorm-again's objects have getters). */
export function scormCmi(): Cmi | null {
  return S.api ? (JSON.parse(JSON.stringify(S.api.cmi)) as Cmi) : null;
}
