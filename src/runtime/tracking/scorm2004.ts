import { SCORM2004 } from '../../standards/scorm2004';
import type { Outcome } from './adapter';
import { correctResponses, learnerResponse, type Response } from './responses';
import type { ScormDialect } from './scorm-dialect';
import { isoDuration, scorm2004Timestamp } from './time';

interface Api2004 {
  Initialize(s: ''): string;
  Terminate(s: ''): string;
  GetValue(e: string): string;
  SetValue(e: string, v: string): string;
  Commit(s: ''): string;
  GetLastError(): string;
}

/** 2004 delimiters are [,] and [.]; text items are limited to 250 (fill-in) or 4000 (long-fill-in). */
function format(r: Response, long: boolean): string {
  switch (r.kind) {
    case 'ids':
      return r.ids.join('[,]');
    case 'boolean':
      return r.value ? 'true' : 'false';
    case 'text': {
      const text = r.text.replace(/\[[,.:]\]/g, ' ').replace(/^\{/, '(');
      return text.slice(0, long ? SCORM2004.limits.longFillIn : SCORM2004.limits.fillInItem);
    }
    case 'pairs':
      return r.pairs.map(([s, t]) => `${s}[.]${t}`).join('[,]');
  }
}

const round7 = (n: number) => String(Math.round(n * 1e7) / 1e7);

export const scorm2004: ScormDialect = {
  apiName: SCORM2004.apiName,
  calls: (api) => {
    const a = api as Api2004;
    return {
      initialize: () => a.Initialize(''),
      terminate: () => a.Terminate(''),
      getValue: (e) => a.GetValue(e),
      setValue: (e, v) => a.SetValue(e, v),
      commit: () => a.Commit(''),
      getLastError: () => a.GetLastError(),
    };
  },
  unsupportedCodes: SCORM2004.unsupportedErrors,
  notInitialisedCode: SCORM2004.notInitializedError,
  limits: { suspendData: SCORM2004.limits.suspendData, location: SCORM2004.limits.location },
  elements: {
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    learnerId: 'cmi.learner_id',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    interactionsCount: 'cmi.interactions._count',
  },
  readMastery(session) {
    const scaled = session.get('cmi.scaled_passing_score');
    return scaled === '' || isNaN(Number(scaled)) ? undefined : Number(scaled) * 100;
  },
  markAttempted(session) {
    const status = session.get('cmi.completion_status').toLowerCase();
    if (status === '' || status === 'not attempted' || status === 'unknown') session.set('cmi.completion_status', 'incomplete');
  },
  writeOutcome(session, o: Outcome) {
    if (o.score !== undefined) {
      session.set('cmi.score.min', '0');
      session.set('cmi.score.max', '100');
      session.set('cmi.score.raw', String(Math.round(o.score * 100) / 100));
      session.set('cmi.score.scaled', round7(Math.max(0, Math.min(1, o.score / 100))));
    }
    // progress_measure 1 only with "completed", or the LMS re-evaluates and flips status (item 22).
    session.set('cmi.progress_measure', round7(o.completed ? 1 : Math.min(o.progress, 0.99)));
    session.set('cmi.completion_status', o.completed ? 'completed' : 'incomplete');
    if (o.success !== 'unknown') session.set('cmi.success_status', o.success);
  },
  writeInteraction(session, n, { question, answer, result, latencyMs, timestamp }) {
    const p = `cmi.interactions.${n}.`;
    const long = question.interaction === 'long-fill-in';
    // id, then type, then the rest: any other order is error 408 (item 35).
    session.set(`${p}id`, question.id);
    session.set(`${p}type`, question.interaction);
    session.set(`${p}timestamp`, scorm2004Timestamp(timestamp));
    session.set(`${p}weighting`, question.role === 'quiz' ? '1' : '0');
    if (question.prompt) session.set(`${p}description`, question.prompt.replace(/^\{/, '(').slice(0, SCORM2004.limits.description));
    correctResponses(question).forEach((r, i) => session.set(`${p}correct_responses.${i}.pattern`, format(r, long)));
    session.set(`${p}learner_response`, format(learnerResponse(question, answer), long));
    session.set(`${p}result`, result);
    session.set(`${p}latency`, isoDuration(latencyMs));
  },
  sessionTime: isoDuration,
  // Suspend until complete; "normal" after, so the LMS rolls the attempt up (item 24).
  exitValue: (o) => (o?.completed && o.success !== 'failed' ? 'normal' : 'suspend'),
  parseMode: (v) => (v === 'browse' || v === 'review' ? v : 'normal'),
};
