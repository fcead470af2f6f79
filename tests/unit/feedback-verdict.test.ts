import { withoutVerdict } from '../../src/compiler/render/question-view';

describe('feedback that starts with the verdict the player already says', () => {
  test.each([
    ['Not quite. Remember: 10.7 is the target.', 'Not quite.', 'Remember: 10.7 is the target.'],
    ['not quite, look again', 'Not quite.', 'Look again'],
    ['Correct!', 'Correct.', undefined],
    ['Pas tout à fait. Relisez.', 'Pas tout à fait.', 'Relisez.'],
    ['回答错误。请再读一遍。', '回答错误。', '请再读一遍。'],
  ])('%s → %s dropped', (html, verdict, expected) => {
    expect(withoutVerdict(html, verdict)).toBe(expected);
  });

  test('other feedback is kept as written', () => {
    expect(withoutVerdict('Not quiteright: <em>10.7</em>.', 'Not quite.')).toBe('Not quiteright: <em>10.7</em>.');
    expect(withoutVerdict('The answer is <strong>2018</strong>.', 'Not quite.')).toBe('The answer is <strong>2018</strong>.');
    expect(withoutVerdict(undefined, 'Not quite.')).toBeUndefined();
  });
});
