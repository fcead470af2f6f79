import type { QuestionSpec } from '../../schema';
import type { AnswerShape } from '../../bookmark/codec';
import { digit } from '../../bookmark/base64url';

export const DEFAULT_LIKERT_SIZE = 5;

/** How a question's answer is kept in the bookmark. */
export function answerShape(q: QuestionSpec): AnswerShape {
  switch (q.type) {
    case 'single-choice':
    case 'scenario':
      return { kind: 'index', size: q.options.length };
    case 'multiple-response':
      return { kind: 'set', size: q.options.length };
    case 'true-false':
      return { kind: 'index', size: 2 };
    case 'likert':
      return { kind: 'index', size: q.scale?.length ?? DEFAULT_LIKERT_SIZE };
    case 'matching':
      return { kind: 'list', size: q.pairs.length };
    case 'ordering':
      return { kind: 'list', size: q.items.length };
    case 'sorting':
      return { kind: 'list', size: q.categories.reduce((n, c) => n + c.items.length, 0) };
    case 'fill-in':
    case 'open':
      return { kind: 'text', maxLength: q.maxLength };
  }
}

/** FNV-1a, folded to 24 bits and written as 4 Base64url characters. */
export function structureHash(parts: readonly string[]): string {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\n')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const folded = ((h >>> 24) ^ h) & 0xffffff;
  return [18, 12, 6, 0].map((s) => digit((folded >> s) & 63)).join('');
}
