import { SCORM12 } from '../../standards/scorm12';
import type { Outcome } from './adapter';
import { correctResponses, learnerResponse, type Response } from './responses';
import type { ScormDialect } from './scorm-dialect';
import { scorm12Duration, scorm12Time } from './time';

interface Api12 {
  LMSInitialize(s: ''): string;
  LMSFinish(s: ''): string;
  LMSGetValue(e: string): string;
  LMSSetValue(e: string, v: string): string;
  LMSCommit(s: ''): string;
  LMSGetLastError(): string;
}

/** 1.2 joins choice/sequence ids with "," and matching pairs as "a.b" (RTE 1.2 §3.4.2.4). */
function format(r: Response): string {
  switch (r.kind) {
    case 'ids':
      return r.ids.join(',');
    case 'boolean':
      return r.value ? 't' : 'f';
    case 'text':
      return r.text.slice(0, SCORM12.limits.response);
    case 'pairs':
      return r.pairs.map(([s, t]) => `${s}.${t}`).join(',');
  }
}

/** 1.2 has one lesson_status for both completion and success (item 21). */
function lessonStatus(o: Outcome): string {
  if (o.success === 'failed') return 'failed';
  if (o.completed) return o.success === 'passed' ? 'passed' : 'completed';
  return 'incomplete';
}

export const scorm12: ScormDialect = {
  apiName: SCORM12.apiName,
  calls: (api) => {
    const a = api as Api12;
    return {
      initialize: () => a.LMSInitialize(''),
      terminate: () => a.LMSFinish(''),
      getValue: (e) => a.LMSGetValue(e),
      setValue: (e, v) => a.LMSSetValue(e, v),
      commit: () => a.LMSCommit(''),
      getLastError: () => a.LMSGetLastError(),
    };
  },
  errors: { unsupported: SCORM12.unsupportedErrors, value: SCORM12.valueErrors, session: SCORM12.sessionErrors, closed: SCORM12.closedErrors },
  commitBeforeTerminate: true,
  limits: { suspendData: SCORM12.limits.suspendData, location: SCORM12.limits.location },
  elements: {
    location: 'cmi.core.lesson_location',
    suspendData: 'cmi.suspend_data',
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    learnerId: 'cmi.core.student_id',
    learnerName: 'cmi.core.student_name',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    interactionsCount: 'cmi.interactions._count',
  },
  readMastery(cmi) {
    const raw = cmi.get('cmi.student_data.mastery_score');
    return raw === '' || isNaN(Number(raw)) ? undefined : Number(raw);
  },
  markAttempted(cmi) {
    const status = cmi.get('cmi.core.lesson_status').toLowerCase();
    if (status === '' || status === 'not attempted') cmi.set('cmi.core.lesson_status', 'incomplete');
  },
  writeOutcome(cmi, o) {
    if (o.score !== undefined) {
      // Score before status (item 18): a committed status never lacks its score.
      cmi.set('cmi.core.score.min', '0');
      cmi.set('cmi.core.score.max', '100');
      cmi.set('cmi.core.score.raw', String(Math.max(0, Math.min(100, Math.round(o.score * 100) / 100))));
    }
    cmi.set('cmi.core.lesson_status', lessonStatus(o));
  },
  writeInteraction(cmi, n, { question, answer, result, latencyMs, timestamp }) {
    const p = `cmi.interactions.${n}.`;
    cmi.set(`${p}id`, question.id);
    cmi.set(`${p}type`, question.interaction === 'long-fill-in' ? 'fill-in' : question.interaction);
    cmi.set(`${p}time`, scorm12Time(timestamp));
    cmi.set(`${p}weighting`, question.role === 'quiz' ? '1' : '0');
    correctResponses(question).forEach((r, i) => cmi.set(`${p}correct_responses.${i}.pattern`, format(r)));
    cmi.set(`${p}student_response`, format(learnerResponse(question, answer)));
    cmi.set(`${p}result`, result === 'incorrect' ? 'wrong' : result);
    cmi.set(`${p}latency`, scorm12Duration(latencyMs));
  },
  sessionTime: scorm12Duration,
  // "suspend" always: only suspend makes the LMS hand back suspend_data next time (item 24).
  exitValue: () => 'suspend',
  parseMode: (v) => (v === 'browse' || v === 'review' ? v : 'normal'),
};
