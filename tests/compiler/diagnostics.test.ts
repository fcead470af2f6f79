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

  test('unknown question type names the choices', async () => {
    const dir = courseCopy({ [basics]: (t) => t.replace('type: true-false', 'type: yes-no') });
    const errors = await errorsOf(dir);
    expect(errors[0]!.message).toMatch(/single-choice/);
    expect(errors[0]!.line).toBe(lineOf(dir, basics, 'yes-no'));
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
