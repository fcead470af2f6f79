import { compile } from '../../src/compiler';
import { courseData } from '../../src/compiler/render/course-data';
import { ContentError, type Diagnostic } from '../../src/diagnostics';
import { formatObjectivesReport } from '../../src/cli/objectives-report';
import { drawQuestions } from '../../src/runtime/player/quiz';
import { courseCopy, lineOf } from './helpers';

const OPTIONS = { targets: ['web' as const] };
const langs = ['en', 'fr'];

/** Objectives B.1, B.2 on "basics" and M.1 on "more"; quiz questions name them; stratified per lesson. */
function withObjectives(extra: Record<string, (t: string) => string> = {}, stratify = 'stratify: { per: lesson, min: 1 }\n'): string {
  const edits: Record<string, (t: string) => string> = {};
  for (const lang of langs) {
    edits[`lessons/basics.${lang}.md`] = (t) => t.replace('duration: 2\n', `duration: 2\nobjectives:\n  - id: B.1\n    text: Pick the right option (${lang})\n  - id: B.2\n    text: Pick several options (${lang})\n`);
    edits[`lessons/more.${lang}.md`] = (t) => t.replace(/^title: (.*)\n/m, `title: $1\nobjectives:\n  - { id: M.1, text: Match and order (${lang}) }\n`);
    edits[`lessons/quiz.${lang}.md`] = (t) =>
      t.replace('retake: true\n', `retake: true\n${stratify}`).replace('id: q1\n', 'id: q1\nobjectives: [B.1]\n').replace('id: q2\n', 'id: q2\nobjectives: [B.2]\n').replace('id: q3\n', 'id: q3\nobjectives: [M.1]\n').replace('id: q4\n', 'id: q4\nobjectives: [B.1, M.1]\n');
  }
  for (const [file, edit] of Object.entries(extra)) {
    const first = edits[file];
    edits[file] = first ? (t) => edit(first(t)) : edit;
  }
  return courseCopy(edits);
}

async function diagnosticsOf(dir: string): Promise<Diagnostic[]> {
  try {
    return (await compile(dir, OPTIONS)).diagnostics;
  } catch (error) {
    if (error instanceof ContentError) return error.diagnostics;
    throw error;
  }
}

describe('learning objectives', () => {
  test('a course whose objectives are all assessed builds without warnings and reports the table', async () => {
    const dir = withObjectives();
    const { diagnostics, models } = await compile(dir, OPTIONS);
    expect(diagnostics).toEqual([]);
    const report = formatObjectivesReport(models[0]!);
    expect(report).toMatch(/B\.1\s+basics\s+q1, q4/);
    expect(report).toMatch(/M\.1\s+more\s+q3, q4/);
    expect(report).toContain('3 objective(s), 3 assessed by a scored question; quiz draws 4 of 6, at least 1 per lesson (2 groups)');
  });

  test('an objective no scored question assesses is a warning on its line, naming practice questions', async () => {
    const dir = withObjectives({
      'lessons/quiz.en.md': (t) => t.replace('objectives: [B.2]\n', ''),
      'lessons/quiz.fr.md': (t) => t.replace('objectives: [B.2]\n', ''),
      'lessons/basics.en.md': (t) => t.replace('id: mr\n', 'id: mr\nobjectives: [B.2]\n'),
      'lessons/basics.fr.md': (t) => t.replace('id: mr\n', 'id: mr\nobjectives: [B.2]\n'),
    });
    const diagnostics = await diagnosticsOf(dir);
    expect(diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'objective/not-assessed', file: expect.stringContaining('basics.en.md'), line: lineOf(dir, 'lessons/basics.en.md', 'id: B.2') }),
    ]);
    expect(diagnostics[0]!.message).toBe('objective "B.2" is assessed by no scored question (only practised by mr)');
  });

  test('a question naming an unknown objective, and a duplicate objective id, are errors on their lines', async () => {
    const dir = withObjectives({
      'lessons/quiz.en.md': (t) => t.replace('objectives: [B.2]', 'objectives: [B.9]'),
      'lessons/quiz.fr.md': (t) => t.replace('objectives: [B.2]', 'objectives: [B.9]'),
      'lessons/more.en.md': (t) => t.replace('id: M.1', 'id: B.1'),
    });
    const errors = (await diagnosticsOf(dir)).filter((d) => d.severity === 'error');
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'question/unknown-objective', file: expect.stringContaining('quiz.en.md'), line: lineOf(dir, 'lessons/quiz.en.md', 'id: q2') }));
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'objective/duplicate', file: expect.stringContaining('more.en.md'), line: lineOf(dir, 'lessons/more.en.md', 'id: B.1') }));
  });

  test('a translation must keep objective ids, and each question the objectives it assesses', async () => {
    const dir = withObjectives({
      'lessons/more.fr.md': (t) => t.replace('id: M.1', 'id: M.2'),
      'lessons/quiz.fr.md': (t) => t.replace('objectives: [B.1, M.1]', 'objectives: [B.1]'),
    });
    const rules = (await diagnosticsOf(dir)).filter((d) => d.file.includes('.fr.md')).map((d) => [d.rule, d.line]);
    expect(rules).toContainEqual(['translation/objectives-differ', lineOf(dir, 'lessons/more.fr.md', 'id: M.2')]);
    expect(rules).toContainEqual(['translation/objectives-differ', lineOf(dir, 'lessons/quiz.fr.md', 'id: q4')]);
  });

  test('strata that cannot be met are errors on the stratify line', async () => {
    const tooMany = withObjectives({}, 'stratify: { per: objective, min: 2 }\n');
    const errors = (await diagnosticsOf(tooMany)).filter((d) => d.severity === 'error');
    const line = lineOf(tooMany, 'lessons/quiz.en.md', 'stratify:');
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'quiz/stratum-too-small', line, message: 'objective B.2 has 1 quiz question(s), fewer than stratify.min 2' }));
    expect(errors).toContainEqual(expect.objectContaining({ rule: 'quiz/stratify-exceeds-draw', line, message: '3 groups × min 2 = 6 questions, more than draw: 4' }));
  });

  test('every stratified draw over 5,000 seeds covers every objective (so every lesson), has the right size and no repeat', async () => {
    const { models } = await compile(withObjectives({}, 'stratify: { per: objective, min: 1 }\n'), OPTIONS);
    const quiz = courseData(models[0]!, {}).quiz!;
    expect(quiz.strata).toHaveLength(3);
    const seen = new Set<string>();
    for (let seed = 1; seed <= 5000; seed++) {
      const drawn = drawQuestions(quiz.bank, quiz.draw, seed, quiz.strata, quiz.min);
      expect(drawn).toHaveLength(quiz.draw);
      expect(new Set(drawn).size).toBe(drawn.length);
      for (const stratum of quiz.strata!) expect(drawn.some((q) => stratum.includes(q))).toBe(true);
      seen.add(drawn.join(','));
    }
    // Still random: many different draws and orders, each bank question drawn at some point.
    expect(seen.size).toBeGreaterThan(150);
    expect(new Set([...seen].flatMap((d) => d.split(','))).size).toBe(quiz.bank.length);
  });

  test('a draw without strata is the plain shuffle it always was (old bookmarks keep their questions)', () => {
    const bank = [3, 5, 8, 13, 21, 34];
    for (let seed = 1; seed < 200; seed++) {
      const plain = drawQuestions(bank, 4, seed);
      expect(drawQuestions(bank, 4, seed, [], 0)).toEqual(plain);
      expect(drawQuestions(bank, 6, seed).slice(0, 4)).toEqual(plain);
    }
  });
});
