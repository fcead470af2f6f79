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
  errors: { unsupported: SCORM2004.unsupportedErrors, value: SCORM2004.valueErrors, session: SCORM2004.sessionErrors, closed: SCORM2004.closedErrors, empty: SCORM2004.notInitializedError },
  commitBeforeTerminate: false,
  limits: { suspendData: SCORM2004.limits.suspendData, location: SCORM2004.limits.location },
  elements: {
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    learnerId: 'cmi.learner_id',
    learnerName: 'cmi.learner_name',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    interactionsCount: 'cmi.interactions._count',
  },
  readMastery(cmi) {
    const scaled = cmi.get('cmi.scaled_passing_score');
    return scaled === '' || isNaN(Number(scaled)) ? undefined : Number(scaled) * 100;
  },
  markAttempted(cmi) {
    const status = cmi.get('cmi.completion_status').toLowerCase();
    if (status === '' || status === 'not attempted' || status === 'unknown') cmi.set('cmi.completion_status', 'incomplete');
  },
  writeOutcome(cmi, o: Outcome) {
    if (o.score !== undefined) {
      cmi.set('cmi.score.min', '0');
      cmi.set('cmi.score.max', '100');
      cmi.set('cmi.score.raw', String(Math.round(o.score * 100) / 100));
      cmi.set('cmi.score.scaled', round7(Math.max(0, Math.min(1, o.score / 100))));
    }
    // progress_measure 1 only with "completed", or the LMS re-evaluates and flips status (item 22).
    cmi.set('cmi.progress_measure', round7(o.completed ? 1 : Math.min(o.progress, 0.99)));
    cmi.set('cmi.completion_status', o.completed ? 'completed' : 'incomplete');
    if (o.success !== 'unknown') cmi.set('cmi.success_status', o.success);
  },
  writeInteraction(cmi, n, { question, answer, result, latencyMs, timestamp }) {
    const p = `cmi.interactions.${n}.`;
    const long = question.interaction === 'long-fill-in';
    // id, then type, then the rest: any other order is error 408 (item 35).
    cmi.set(`${p}id`, question.id);
    cmi.set(`${p}type`, question.interaction);
    cmi.set(`${p}timestamp`, scorm2004Timestamp(timestamp));
    cmi.set(`${p}weighting`, question.role === 'quiz' ? '1' : '0');
    if (question.prompt) cmi.set(`${p}description`, question.prompt.replace(/^\{/, '(').slice(0, SCORM2004.limits.description));
    correctResponses(question).forEach((r, i) => cmi.set(`${p}correct_responses.${i}.pattern`, format(r, long)));
    cmi.set(`${p}learner_response`, format(learnerResponse(question, answer), long));
    cmi.set(`${p}result`, result);
    cmi.set(`${p}latency`, isoDuration(latencyMs));
  },
  sessionTime: isoDuration,
  // Suspend until complete; "normal" after, so the LMS rolls the attempt up (item 24).
  exitValue: (o) => (o?.completed && o.success !== 'failed' ? 'normal' : 'suspend'),
  parseMode: (v) => (v === 'browse' || v === 'review' ? v : 'normal'),
};
