import type { Answer } from '../../bookmark/codec';
import type { RuntimeQuestion } from '../../contract/course-data';

/**
 * Standard-neutral response values; each adapter joins them with its own delimiters. Option ids are
 * single letters a–z (runtime-requirements item 19: valid as SCORM 1.2 single characters and as
 * 2004/xAPI short identifiers).
 */
export const letter = (i: number): string => 'abcdefghijklmnopqrstuvwxyz'[i] ?? 'z';

export type Response =
  | { kind: 'ids'; ids: string[] } // choice, sequencing, likert
  | { kind: 'boolean'; value: boolean }
  | { kind: 'text'; text: string }
  | { kind: 'pairs'; pairs: [string, string][] };

export function learnerResponse(q: RuntimeQuestion, answer: Answer): Response {
  switch (q.interaction) {
    case 'true-false':
      return { kind: 'boolean', value: answer === 0 };
    case 'fill-in':
    case 'long-fill-in':
      return { kind: 'text', text: String(answer) };
    case 'matching':
      return { kind: 'pairs', pairs: (answer as number[]).map((t, s) => [letter(s), letter(t)] as [string, string]) };
    case 'sequencing':
      return { kind: 'ids', ids: (answer as number[]).map(letter) };
    default:
      return { kind: 'ids', ids: (Array.isArray(answer) ? answer : [answer as number]).map(letter) };
  }
}

/** Correct-response patterns; none for surveys (an empty list would mean "nothing is correct"). */
export function correctResponses(q: RuntimeQuestion): Response[] {
  switch (q.interaction) {
    case 'true-false':
      return [{ kind: 'boolean', value: q.correct?.[0] === 0 }];
    case 'fill-in':
      // SCORM 2004 requires LMSes to keep at least 5 patterns for fill-in; more may be refused.
      return (q.accepted ?? []).slice(0, 5).map((text) => ({ kind: 'text', text }));
    case 'matching':
      return [{ kind: 'pairs', pairs: (q.sources ?? []).map((_, i) => [letter(i), letter(q.key?.[i] ?? i)] as [string, string]) }];
    case 'sequencing':
      return [{ kind: 'ids', ids: (q.choices ?? []).map((_, i) => letter(i)) }];
    case 'choice':
      return q.correct ? [{ kind: 'ids', ids: q.correct.map(letter) }] : [];
    default:
      return [];
  }
}
