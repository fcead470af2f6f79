import { decodeBits, decodeInt, decodeText, encodeBits, encodeInt, encodeText, textWorstCase, valueOf, digit } from './base64url';

/**
 * Coursepack's bookmark (suspend data) format, version 1. ASCII only, no whitespace:
 *   "1" <structure hash: 4 chars> "~" <visited pages bitset> "~" <quiz seed> "~" <page index>
 *   "~" <session number> "~" <answer>("." <answer>)* ["~" <done blocks bitset>]
 * One answer per question in course order, empty when unanswered. The structure hash ties a bookmark
 * to the course build it came from, so a republished course never misreads an old bookmark. The page
 * index makes the bookmark hold the location too, and the session number makes every session's
 * suspend data differ from its launch value: Moodle's 2004 API never re-sends a value equal to the one
 * it launched with, which would otherwise leave a stale location on the server. The last field, only
 * in courses with tracked blocks (accordion, tabs, flashcards, process, continue gates), holds one
 * "done" bit per block: six blocks per character, nothing at all for a course without them.
 * Shared by the compiler (worst-case size) and the runtime (encode/decode): no Node, no DOM.
 */
export const VERSION = '1';

export type AnswerShape =
  | { kind: 'index'; size: number } // one option index: single choice, true/false, likert, scenario
  | { kind: 'set'; size: number } // several option indexes: multiple response
  | { kind: 'list'; size: number } // one index per slot: matching (target per source), ordering
  | { kind: 'text'; maxLength: number }; // fill-in, open

export type Answer = number | number[] | string;

export interface BookmarkLayout {
  hash: string;
  pageCount: number;
  shapes: readonly AnswerShape[];
  /** Tracked blocks in the course; absent or 0: the field is left out. */
  blockCount?: number;
}

export interface BookmarkState {
  visited: boolean[];
  page: number;
  session: number;
  quizSeed: number;
  answers: (Answer | undefined)[];
  /** Done state per tracked block, when the layout has any. */
  blocks?: boolean[];
}

const EMPTY_TEXT = '!';

function encodeAnswer(shape: AnswerShape, answer: Answer | undefined): string {
  if (answer === undefined) return '';
  switch (shape.kind) {
    case 'index':
      return digit(answer as number);
    case 'set': {
      const bits: boolean[] = [];
      for (const i of answer as number[]) bits[i] = true;
      return encodeBits(bits, shape.size);
    }
    case 'list':
      return (answer as number[]).map((i) => digit(i + 1)).join('');
    case 'text':
      return (answer as string) === '' ? EMPTY_TEXT : encodeText(answer as string);
  }
}

function decodeAnswer(shape: AnswerShape, s: string): Answer | undefined {
  if (s === '') return undefined;
  switch (shape.kind) {
    case 'index':
      return valueOf(s);
    case 'set':
      return decodeBits(s, shape.size).flatMap((on, i) => (on ? [i] : []));
    case 'list':
      return [...s].map((c) => valueOf(c) - 1);
    case 'text':
      return s === EMPTY_TEXT ? '' : decodeText(s);
  }
}

export function encodeBookmark(layout: BookmarkLayout, state: BookmarkState): string {
  const answers = layout.shapes.map((shape, i) => encodeAnswer(shape, state.answers[i])).join('.');
  const numbers = [state.quizSeed, state.page, state.session].map(encodeInt).join('~');
  const blocks = layout.blockCount ? `~${encodeBits(state.blocks ?? [], layout.blockCount)}` : '';
  return `${VERSION}${layout.hash}~${encodeBits(state.visited, layout.pageCount)}~${numbers}~${answers}${blocks}`;
}

/** Returns undefined for anything that is not a bookmark of this very course build. */
export function decodeBookmark(layout: BookmarkLayout, data: string): BookmarkState | undefined {
  if (!data.startsWith(VERSION + layout.hash + '~')) return undefined;
  const [, visited = '', seed = 'A', page = 'A', session = 'A', answers = '', blocks = ''] = data.split('~');
  const parts = answers.split('.');
  if (parts.length !== Math.max(layout.shapes.length, 1)) return undefined;
  return {
    visited: decodeBits(visited, layout.pageCount),
    quizSeed: decodeInt(seed) || 0,
    page: Math.min(decodeInt(page) || 0, Math.max(layout.pageCount - 1, 0)),
    session: decodeInt(session) || 0,
    answers: layout.shapes.map((shape, i) => decodeAnswer(shape, parts[i] ?? '')),
    ...(layout.blockCount ? { blocks: decodeBits(blocks, layout.blockCount) } : {}),
  };
}

/** The session number of any bookmark in this format, without its course layout: the local mirror compares them. */
export function bookmarkSession(data: string | undefined): number {
  return data?.startsWith(VERSION) ? decodeInt(data.split('~')[4] ?? 'A') || 0 : 0;
}

function worstAnswer(shape: AnswerShape): number {
  switch (shape.kind) {
    case 'index':
      return 1;
    case 'set':
      return Math.ceil(shape.size / 6);
    case 'list':
      return shape.size;
    case 'text':
      return textWorstCase(shape.maxLength);
  }
}

/** Seeds, page indexes and session numbers stay below 2^30: at most 5 characters each. */
export const MAX_SEED = 2 ** 30;

/** The longest bookmark this layout can produce, whatever the learner does. */
export function worstCaseLength(layout: BookmarkLayout): number {
  const answers = layout.shapes.reduce((sum, s) => sum + worstAnswer(s), 0) + Math.max(layout.shapes.length - 1, 0);
  const blocks = layout.blockCount ? 1 + Math.ceil(layout.blockCount / 6) : 0;
  return VERSION.length + layout.hash.length + 1 + Math.ceil(layout.pageCount / 6) + 3 * (1 + 5) + 1 + answers + blocks;
}
