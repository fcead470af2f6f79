/** The learner's data as each standard keeps it, in one shape the panel draws. */
import { postJson } from './dom';
import { verbOf } from './lrs';
import type { Cmi, DecodedBookmark } from './protocol';
import { render } from './render';
import { scormCmi } from './scorm';
import { isLrs, isScorm, S, type Decoded } from './state';

export interface Interaction {
  n: string | number;
  id?: string;
  type?: string;
  response?: unknown;
  result?: string;
  time?: string;
  correct: string;
}

export interface Snapshot {
  cmi?: Cmi;
  location?: string;
  suspend: string;
  limit?: number;
  interactions: Interaction[];
}

export function snapshot(): Snapshot {
  const b = S.build && S.build.ok ? S.build : undefined;
  if (isScorm()) {
    const cmi = scormCmi() || {};
    const is12 = S.target === 'scorm12';
    const interactions = cmi.interactions || {};
    return {
      cmi,
      location: is12 ? cmi.core?.lesson_location : cmi.location,
      suspend: cmi.suspend_data || '',
      limit: b?.suspendData?.limit,
      interactions: Object.keys(interactions).map((k) => {
        const i = interactions[k]!;
        const correct = i.correct_responses || {};
        return { n: k, id: i.id, type: i.type, response: is12 ? i.student_response : i.learner_response, result: i.result, time: is12 ? i.time : i.timestamp, correct: Object.keys(correct).map((c) => correct[c]!.pattern).join(' | ') };
      }),
    };
  }
  if (isLrs()) {
    const doc = S.stateDoc || {};
    return {
      location: doc.location,
      suspend: doc.bookmark || '',
      limit: undefined,
      interactions: S.statements
        .filter((s) => verbOf(s) === 'answered')
        .map((s, n) => {
          const def = s.object?.definition || {};
          const success = s.result?.success;
          return { n, id: String(s.object?.id || '').split('/').pop(), type: def.interactionType, response: s.result?.response, result: success === undefined ? 'neutral' : success ? 'correct' : 'incorrect', time: s.timestamp, correct: (def.correctResponsesPattern || []).join(' | ') };
        }),
    };
  }
  // web: the runtime keeps { location, bookmark } in this browser's localStorage
  const web = readWebStore();
  return { location: web?.location, suspend: web?.bookmark || '', limit: undefined, interactions: [] };
}

export function readWebStore(): { location?: string; bookmark?: string } | null {
  if (!S.build || !S.build.ok) return null;
  try {
    return JSON.parse(localStorage.getItem(`coursepack:${S.build.courseId}:${S.build.lang}`) || 'null');
  } catch {
    return null;
  }
}

/** The bookmark in the course's words, asked of the server once per value (pending meanwhile). */
export function decoded(raw: string): Decoded {
  if (!raw) return { ok: false, reason: 'empty' };
  const key = `${S.target}|${S.lang}|${S.build && S.build.gen}|${raw}`;
  const hit = S.decoded[key];
  if (hit) return hit;
  S.decoded[key] = { pending: true };
  void postJson<DecodedBookmark>('/api/decode', { target: S.target, lang: S.lang, data: raw }).then((d) => {
    S.decoded[key] = d;
    render();
  });
  return S.decoded[key]!;
}
