import { decodeBookmark, encodeBookmark, worstCaseLength, type AnswerShape, type BookmarkLayout, type BookmarkState } from '../../src/bookmark/codec';
import { decodeText, encodeText } from '../../src/bookmark/base64url';

const shapes: AnswerShape[] = [
  { kind: 'index', size: 4 },
  { kind: 'set', size: 8 },
  { kind: 'list', size: 5 },
  { kind: 'text', maxLength: 40 },
  { kind: 'text', maxLength: 10 },
];
const layout: BookmarkLayout = { hash: 'AbC1', pageCount: 13, shapes };

describe('bookmark codec', () => {
  const state: BookmarkState = {
    visited: [true, false, true, true, false, false, false, false, false, false, false, false, true],
    page: 12,
    session: 3,
    quizSeed: 123456789,
    answers: [2, [0, 3, 7], [4, 3, 2, 1, 0], 'Réseau des Nations Unies — شبكة 网络 🙂', undefined],
  };

  test('round-trips every answer shape, including non-Latin text', () => {
    const encoded = encodeBookmark(layout, state);
    expect(decodeBookmark(layout, encoded)).toEqual(state);
  });

  test('is printable ASCII only, with no whitespace', () => {
    expect(encodeBookmark(layout, state)).toMatch(/^[\x21-\x7e]+$/);
  });

  test('refuses a bookmark from another course build or another format', () => {
    const encoded = encodeBookmark(layout, state);
    expect(decodeBookmark({ ...layout, hash: 'XXXX' }, encoded)).toBeUndefined();
    expect(decodeBookmark({ ...layout, shapes: shapes.slice(1) }, encoded)).toBeUndefined();
    expect(decodeBookmark(layout, 'page=3')).toBeUndefined();
    expect(decodeBookmark(layout, '')).toBeUndefined();
  });

  test('keeps an empty text answer apart from no answer', () => {
    const s = { ...state, answers: [undefined, undefined, undefined, '', undefined] };
    expect(decodeBookmark(layout, encodeBookmark(layout, s))?.answers[3]).toBe('');
  });

  test('worst case is never exceeded, whatever the learner types', () => {
    const worst: BookmarkState = {
      visited: Array(13).fill(true),
      page: 12,
      session: 2 ** 30 - 1,
      quizSeed: 2 ** 30 - 1,
      answers: [3, [0, 1, 2, 3, 4, 5, 6, 7], [4, 4, 4, 4, 4], '語'.repeat(40), '\u{1F600}'.repeat(5)],
    };
    expect(encodeBookmark(layout, worst).length).toBeLessThanOrEqual(worstCaseLength(layout));
  });

  test('text encoding survives every UTF-8 width', () => {
    for (const t of ['', 'a', 'ab', 'abc', 'é', '€', '😀', 'x😀y€']) expect(decodeText(encodeText(t))).toBe(t);
  });

  test('tracked blocks: one bit each, kept on resume, counted in the worst case, absent without blocks', () => {
    const withBlocks: BookmarkLayout = { ...layout, blockCount: 8 };
    const done = { ...state, blocks: [true, false, false, true, false, false, false, true] };
    const encoded = encodeBookmark(withBlocks, done);
    expect(decodeBookmark(withBlocks, encoded)).toEqual(done);
    expect(encoded.length - encodeBookmark(layout, state).length).toBe(1 + 2);
    const all = { ...done, blocks: Array(8).fill(true) };
    expect(encodeBookmark(withBlocks, all).length).toBeLessThanOrEqual(worstCaseLength(withBlocks));
    expect(worstCaseLength(withBlocks) - worstCaseLength(layout)).toBe(3);
    expect(encodeBookmark(layout, state).split('~')).toHaveLength(6);
    expect(encoded.split('~')).toHaveLength(7);
  });
});
