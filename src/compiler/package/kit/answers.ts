import type { QuestionSpec } from '../../../schema';
import { plainText } from '../../render/markdown-html';

const letter = (i: number) => String.fromCharCode(65 + i);

/** What the group sees of a question on a poll or discussion slide. */
export function questionChoices(q: QuestionSpec, trueFalse: [string, string]): string[] {
  switch (q.type) {
    case 'single-choice':
    case 'multiple-response':
    case 'scenario':
      return q.options.map((o, i) => `${letter(i)}. ${plainText(o.text)}`);
    case 'true-false':
      return trueFalse;
    case 'likert':
      return (q.scale ?? []).map(plainText);
    case 'matching': // sources numbered, targets lettered in alphabetical order (not the answer's)
      return [...q.pairs.map((p, i) => `${i + 1}. ${plainText(p.source)}`), ...q.pairs.map((p) => plainText(p.target)).sort().map((t, i) => `${letter(i)}. ${t}`)];
    case 'ordering':
      return [...q.items].sort().map(plainText);
    case 'sorting':
      return q.categories.flatMap((c) => c.items).sort().map((item) => `${plainText(item)} → ?`);
    case 'fill-in':
    case 'open':
      return [];
  }
}

/** Polls for questions a show of hands can answer; discussion for the rest. */
export const isPoll = (q: QuestionSpec): boolean => ['single-choice', 'multiple-response', 'true-false', 'likert'].includes(q.type);

/** The answer key line(s) for the facilitator; empty for questions with no right answer. */
export function answerKey(q: QuestionSpec, trueFalse: [string, string]): string[] {
  switch (q.type) {
    case 'single-choice':
    case 'multiple-response':
      return q.options.flatMap((o, i) => (o.correct ? [`${letter(i)}. ${plainText(o.text)}`] : []));
    case 'scenario':
      return q.options.flatMap((o, i) => (o.best ? [`${letter(i)}. ${plainText(o.text)} — ${plainText(o.consequence)}`] : []));
    case 'true-false':
      return [q.answer ? trueFalse[0] : trueFalse[1]];
    case 'fill-in':
      return [q.answers.join(' / ')];
    case 'matching':
      return q.pairs.map((p, i) => `${i + 1}. ${plainText(p.source)} → ${plainText(p.target)}`);
    case 'ordering':
      return q.items.map((item, i) => `${i + 1}. ${plainText(item)}`);
    case 'sorting':
      return q.categories.map((c) => `${plainText(c.name)}: ${c.items.map(plainText).join('; ')}`);
    case 'likert':
    case 'open':
      return [];
  }
}
