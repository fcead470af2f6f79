import type { Answer } from '../../bookmark/codec';
import type { RuntimeQuestion } from '../../contract/course-data';

const normalise = (s: string, caseSensitive: boolean) => {
  const t = s.normalize('NFC').trim().replace(/\s+/g, ' ');
  return caseSensitive ? t : t.toLocaleLowerCase();
};

/** Whether an answer is right; undefined for questions with no right answer (surveys). */
export function isCorrect(q: RuntimeQuestion, answer: Answer): boolean | undefined {
  switch (q.type) {
    case 'single-choice':
    case 'scenario':
    case 'true-false':
      return q.correct?.includes(answer as number) ?? false;
    case 'multiple-response': {
      const chosen = [...(answer as number[])].sort((a, b) => a - b).join(',');
      return chosen === [...(q.correct ?? [])].sort((a, b) => a - b).join(',');
    }
    case 'fill-in': {
      const given = normalise(String(answer), !!q.caseSensitive);
      return (q.accepted ?? []).some((a) => normalise(a, !!q.caseSensitive) === given);
    }
    case 'matching':
    case 'ordering':
    case 'sorting':
      return (answer as number[]).every((v, i) => v === (q.key?.[i] ?? i));
    default:
      return undefined;
  }
}
