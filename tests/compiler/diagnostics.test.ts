import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, compile } from '../../src/compiler';
import { ContentError, type Diagnostic } from '../../src/diagnostics';
import { courseCopy, lineOf } from './helpers';

const TARGETS = { targets: ['scorm12', 'scorm2004', 'web'] as const } as const;

async function errorsOf(dir: string): Promise<Diagnostic[]> {
  try {
    await compile(dir, { targets: [...TARGETS.targets] });
  } catch (error) {
    if (error instanceof ContentError) return error.diagnostics.filter((d) => d.severity === 'error');
    throw error;
  }
  throw new Error('expected content errors');
}

const basics = 'lessons/basics.en.md';

describe('malformed input gives a clear error naming file and line, and writes no zip', () => {
  test('bad YAML in course.yaml', async () => {
    const dir = courseCopy({ 'course.yaml': (t) => t.replace('version: 1.0.0', 'version: [1.0.0') });
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'yaml/syntax', file: expect.stringContaining('course.yaml') });
    expect(d!.line).toBeGreaterThanOrEqual(2);
  });

  test('unknown key, on its own line', async () => {
    const dir = courseCopy({ 'course.yaml': (t) => t.replace('masteryScore: 75', 'masteryScore: 75\nmaxteryScore: 80') });
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'schema/unknown-key', line: lineOf(dir, 'course.yaml', 'maxteryScore') });
    expect(d!.message).toContain('maxteryScore');
  });

  test('missing media', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('(../media/dot.svg)', '(../media/missing.png)') });
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'media/missing', file: expect.stringContaining('basics.en.md'), line: lineOf(dir, basics, 'missing.png') });
  });

  test('image without alt text', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('![A blue dot]', '![]') });
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'media/missing-alt', line: lineOf(dir, basics, '![](../media/dot.svg)') });
  });

  test('duplicate question id', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('id: mr', 'id: sc'), 'lessons/basics.fr.md': (t) => t.replace('id: mr', 'id: sc') });
    const errors = await errorsOf(dir);
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'id/duplicate-question', line: lineOf(dir, basics, 'Pick A and C') - 2 }));
  });

  test('question without a correct answer', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('    correct: true\n    feedback: Yes, B.', '    feedback: Yes, B.') });
    const errors = await errorsOf(dir);
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'question/no-correct-answer', file: expect.stringContaining('basics.en.md'), line: lineOf(dir, basics, 'id: sc') }));
  });

  test('broken link between lesson files', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('[the choices page](#choices)', '[next lesson](nowhere.md)') });
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'link/broken', line: lineOf(dir, basics, 'nowhere.md') });
  });

  test('unknown question type names the value, the question and the choices', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('type: true-false', 'type: yes-no') });
    const errors = await errorsOf(dir);
    expect(errors[0]).toMatchObject({ rule: 'schema/unknown-value', line: lineOf(dir, basics, 'yes-no'), column: 7 });
    expect(errors[0]!.message).toBe('question "tf": unknown type "yes-no" (one of sorting, single-choice, multiple-response, true-false, fill-in, matching, ordering, likert, open, scenario)');
  });

  test('a misspelt question type gets "did you mean"', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('type: true-false', 'type: true-flase') });
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'schema/unknown-value', message: expect.stringContaining('question "tf": unknown type "true-flase"'), hint: 'did you mean "true-false"?' });
  });

  test('unknown keys get "did you mean" in course.yaml, front matter and question blocks, each at its key', async () => {
    const dir = courseCopy({
      'course.yaml': (t) => t.replace('masteryScore: 75', 'masteryScore: 75\nmaxteryScore: 80\ntheme: { primaryColour: "#005a9c" }'),
      [basics]: (t) => t.replace('duration: 2', 'duraton: 2').replace('prompt: Pick B (en)', 'promt: Pick B (en)'),
    });
    const errors = await errorsOf(dir);
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'schema/unknown-key', message: 'course.yaml: unknown key "maxteryScore"', hint: 'did you mean "masteryScore"?', line: lineOf(dir, 'course.yaml', 'maxteryScore') }));
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'schema/unknown-key', message: 'course.yaml: unknown key "primaryColour"', hint: 'did you mean "primaryColor"?', column: 10 }));
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'schema/unknown-key', message: 'front matter: unknown key "duraton"', hint: 'did you mean "duration"?', line: lineOf(dir, basics, 'duraton') }));
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'schema/unknown-key', message: 'question "sc": unknown key "promt"', hint: 'did you mean "prompt"?', line: lineOf(dir, basics, 'promt') }));
  });

  test('a key far from every known one lists the keys of its place', async () => {
    const dir = courseCopy({ 'course.yaml': (t) => t.replace('completion: { pagesViewed: 100, quizPassed: true }', 'completion: { pagesViewed: 100, quizPassed: true, whenever: 1 }') });
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'schema/unknown-key', hint: 'keys here are: pagesViewed, quizPassed' });
  });

  test('an enum value gets "did you mean" and the choices', async () => {
    const dir = courseCopy({ 'course.yaml': (t) => t.replace('masteryScore: 75', 'masteryScore: 75\ntargets: [scorm12, scrom2004]') });
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'schema/unknown-value', line: lineOf(dir, 'course.yaml', 'scrom2004'), column: 20, message: 'course.yaml: targets.1 "scrom2004" is not one of scorm12, scorm2004, xapi, cmi5, web', hint: 'did you mean "scorm2004"?' });
  });

  test('a YAML alias bomb is refused at the first alias, with its file', async () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefg'[i]}`).join(', ')}]`)].join('\n');
    const dir = courseCopy({ 'course.yaml': (t) => `${t}\nx-bomb:\n${laughs.replace(/^/gm, '  ')}\n` });
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'yaml/too-many-aliases', file: expect.stringContaining('course.yaml'), line: lineOf(dir, 'course.yaml', '  b: &b'), column: 10, hint: expect.stringContaining('billion laughs') });
  });

  test('nesting too deep is refused before the parser recurses, in brackets and in indentation', async () => {
    const brackets = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const indented = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n');
    const lesson = courseCopy({ [basics]: (t) => t.replace('duration: 2', `duration: 2\ndeep: ${brackets}`) });
    expect(await errorsOf(lesson)).toEqual([expect.objectContaining({ rule: 'yaml/too-deep', file: expect.stringContaining('basics.en.md'), line: lineOf(lesson, basics, 'deep:'), column: 'deep: '.length + 33 })]);
    const course = courseCopy({ 'course.yaml': (t) => `${t}\nx:\n${indented.replace(/^/gm, '  ')} 1\n` });
    expect(await errorsOf(course)).toEqual([expect.objectContaining({ rule: 'yaml/too-deep', file: expect.stringContaining('course.yaml'), line: lineOf(course, 'course.yaml', ' k31:') })]);
  });

  test('errors in course.yaml do not hide the lessons\' errors', async () => {
    const dir = courseCopy({ 'course.yaml': (t) => t.replace('masteryScore: 75', 'masteryScore: 175'), [basics]: (t) => t.replace('type: true-false', 'type: yes-no') });
    const errors = await errorsOf(dir);
    expect(errors.map((d) => [path.basename(d.file), d.rule])).toEqual([['course.yaml', 'schema/invalid'], ['basics.en.md', 'schema/unknown-value']]);
  });

  test('a choice question with more than 26 options names the question and says why', async () => {
    const options = Array.from({ length: 27 }, (_, i) => `  - text: Option ${i + 1}${i === 3 ? '\n    correct: true' : ''}`).join('\n');
    const dir = courseCopy({ [basics]: (t) => t.replace(/prompt: Pick B \(en\)\noptions:\n[^`]*/, `prompt: Pick B (en)\noptions:\n${options}\n`) });
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'schema/too-many', message: 'question "sc": options has 27 items, at most 26', line: lineOf(dir, basics, 'Option 1'), hint: expect.stringContaining('split the question') });
  });

  test('a page id that is not an identifier is an error with a hint, not replaced', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('{#tf}', '{#../x}') });
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'page/invalid-id', message: 'page id "../x" is not a valid id', line: lineOf(dir, basics, '{#../x}'), column: '# True or false (en) {#'.length + 1, hint: expect.stringContaining('e.g. {#x}') });
  });

  test('a translation whose correct answer differs from the source language', async () => {
    const fr = 'lessons/basics.fr.md';
    const dir = courseCopy({ [fr]: (t) => t.replace('  - text: A\n    feedback: Not A.', '  - text: A\n    correct: true\n    feedback: Not A.').replace('    correct: true\n    feedback: Yes, B.', '    feedback: Yes, B.') });
    const errors = await errorsOf(dir);
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'translation/answers-differ', file: expect.stringContaining('basics.fr.md'), line: lineOf(dir, fr, 'id: sc') }));
  });

  test('a translation whose question ids differ', async () => {
    const fr = 'lessons/basics.fr.md';
    const dir = courseCopy({ [fr]: (t) => t.replace('id: tf', 'id: vf') });
    const errors = await errorsOf(dir);
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'translation/question-id-differs', line: lineOf(dir, fr, 'id: vf') }));
  });

  test('no zip is written when the course has an error', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('type: true-false', 'type: yes-no') });
    const out = mkdtempSync(path.join(tmpdir(), 'cp-out-'));
    await expect(build(dir, out, { targets: ['scorm12'] })).rejects.toBeInstanceOf(ContentError);
    expect(readdirSync(out)).toEqual([]);
  });

  test('a course whose worst-case bookmark cannot fit SCORM 1.2 is refused with a clear error', async () => {
    const dir = courseCopy({ 'lessons/survey.en.md': (t) => t.replace('maxLength: 200', 'maxLength: 4000'), 'lessons/survey.fr.md': (t) => t.replace('maxLength: 200', 'maxLength: 4000') });
    const errors = await errorsOf(dir);
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'suspend-data/too-large', message: expect.stringMatching(/SCORM 1\.2 bookmark can reach \d+ characters, over the standard's limit of 4096/) }));
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);
  });

  test('a malformed percent-escape in a reference is an error on its line, not a crash', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('(../media/dot.svg)', '(../media/caf%E9.svg)') });
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'reference/malformed-escape', line: lineOf(dir, basics, 'caf%E9'), hint: expect.stringContaining('%25') });
  });

  test('a handout path cut by a YAML comment says to quote it', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('file: handouts/basics.en.md', 'file: handouts/basics #2.md') });
    writeFileSync(path.join(dir, 'handouts', 'basics #2.md'), '# Two\n');
    const errors = await errorsOf(dir);
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'reference/missing-handout', hint: 'in YAML " #" starts a comment: quote the path, file: "handouts/basics #2.md"' }));
  });

  test('a # in a linked file name (a URL fragment) gets the hint to write %23', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('(../media/dot.svg)', '(../media/dot#2.svg)') });
    writeFileSync(path.join(dir, 'media', 'dot#2.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const [d] = await errorsOf(dir);
    expect(d).toMatchObject({ rule: 'media/missing', line: lineOf(dir, basics, 'dot#2'), hint: 'in a link "#" starts a fragment: write it as %23, e.g. dot%232.svg' });
  });
});
