/** xAPI and cmi5: what the preview server's LRS logged and stored for this registration. */
import { getJson } from './dom';
import type { LrsRequest, LrsView, Score, ServerEvent, Statement } from './protocol';
import { render } from './render';
import { isLrs, LAUNCH_DATA, registration, S, STATE_ID, type LrsCall } from './state';

export function lrsCall(entry: LrsRequest): LrsCall {
  // A document read that finds nothing is how a first launch starts: not a failure.
  const absent = entry.status === 404 && entry.method === 'GET' && entry.resource !== 'statements';
  return { lrs: true, seq: entry.seq, fn: `${entry.method} ${entry.resource}`, params: entry.params, error: String(entry.status), ok: entry.status < 400 || absent, note: absent ? 'none yet' : '', errorText: entry.error, time: entry.time };
}

/** The LRS's record of this registration, when the page opens on one that has history. */
export async function loadLrsView(): Promise<void> {
  const view = await getJson<LrsView>(`/api/state?registration=${encodeURIComponent(registration())}`);
  S.statements = view.statements;
  const docs = view.documents || {};
  S.stateDoc = docs[STATE_ID] ? JSON.parse(docs[STATE_ID]) : null;
  S.launchData = docs[LAUNCH_DATA] ? JSON.parse(docs[LAUNCH_DATA]) : null;
  S.calls = S.calls.filter((c) => c.separator || c.lrs);
  if (!S.calls.length) S.calls = view.requests.map((r) => lrsCall(r));
  const seen: Record<string, boolean> = (S.seen = {});
  for (const s of S.statements) seen[`s${s.id}`] = true;
  for (const c of S.calls) if (!c.separator && c.lrs && c.seq) seen[`r${c.seq}`] = true;
}

export function onLrsEvent(e: Extract<ServerEvent, { type: 'lrs' | 'statement' | 'document' }>): void {
  if (!isLrs() || !S.launch) return;
  const seen = S.seen || (S.seen = {});
  if (e.type === 'lrs') {
    const reg = e.entry.params.registration;
    if ((reg && reg !== registration()) || seen[`r${e.entry.seq}`]) return;
    seen[`r${e.entry.seq}`] = true;
    S.calls.push(lrsCall(e.entry));
  } else if (e.type === 'statement') {
    if (e.statement.context?.registration !== registration() || seen[`s${e.statement.id}`]) return;
    seen[`s${e.statement.id}`] = true;
    S.statements.push(e.statement);
  } else {
    if (e.params.registration !== registration()) return;
    const body = e.body ? JSON.parse(e.body) : null;
    if (e.params.stateId === STATE_ID) S.stateDoc = body;
    if (e.params.stateId === LAUNCH_DATA) S.launchData = body;
  }
  render();
}

export const verbOf = (s: Statement): string => String(s.verb?.id || '').split('/').pop()!;

export interface LrsSummary {
  completed: boolean;
  success: string;
  score: Score | null;
  progress: unknown;
  initialized: boolean;
  terminated: false | string;
}

/** Status, score and progress as an LRS report would read them from the statements. */
export function lrsSummary(): LrsSummary {
  const out: LrsSummary = { completed: false, success: 'unknown', score: null, progress: null, initialized: false, terminated: false };
  for (const s of S.statements) {
    const v = verbOf(s);
    if (v === 'initialized') out.initialized = true;
    if (v === 'completed') out.completed = true;
    if (v === 'passed' || v === 'failed') out.success = v;
    if (v === 'terminated' || v === 'abandoned') out.terminated = v;
    if (v === 'launched' || v === 'initialized') out.terminated = false;
    const score = s.result?.score;
    if (score && (v === 'passed' || v === 'failed' || v === 'completed')) out.score = score;
    const ext = s.result?.extensions || {};
    for (const k of Object.keys(ext)) if (/progress$/.test(k)) out.progress = ext[k];
  }
  if (out.completed) out.progress = 100;
  return out;
}
