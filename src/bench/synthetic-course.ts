import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Question types in the order the generator cycles through them, one question every 5 pages. */
export const SYNTHETIC_TYPES = ['single-choice', 'multiple-response', 'true-false', 'fill-in', 'matching', 'ordering', 'likert'] as const;
export const PAGES_PER_LESSON = 10;
export const PAGES_PER_QUESTION = 5;
/** Fill-in answers allowed in the synthetic course; each allowed character costs 4 bookmark characters. */
export const FILL_IN_MAX_LENGTH = 20;

const SUBJECTS = ['The country team', 'A national statistics office', 'The planning ministry', 'The local authority', 'A civil society partner', 'The analysis', 'Each agency', 'The review group', 'A community organisation', 'The steering committee'];
const VERBS = ['needs', 'reviews', 'documents', 'compares', 'brings together', 'draws on', 'questions', 'updates', 'publishes', 'checks'];
const OBJECTS = ['household survey data', 'the results framework', 'administrative records', 'the risk analysis', 'regional labour trends', 'the financing plan', 'what people told the consultations', 'the previous evaluation', 'gaps in basic services', 'the indicators for each outcome'];
const TAILS = ['before the annual review', 'so that no group is left behind', 'with the people concerned', 'in every region of the country', 'when the context changes', 'and says what is still unknown', 'in plain language', 'at the start of the cycle', 'for the joint work plan', 'within three months'];
const TERMS = ['coordination', 'evidence', 'inclusion', 'planning', 'monitoring', 'partnership', 'resilience', 'accountability', 'financing', 'participation'];

/** mulberry32: the same course text on every machine, so figures are comparable across runs. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function writer(seed: number) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`;
  const paragraph = (n: number) => Array.from({ length: n }, sentence).join(' ');
  return { pick, sentence, paragraph };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function question(index: number, type: string, w: ReturnType<typeof writer>): string {
  const head = `id: q${pad(index + 1, 4)}\ntype: ${type}\nprompt: "${w.sentence().replace(/\.$/, '?')}"\n`;
  switch (type) {
    case 'single-choice':
      return `${head}options:\n${[0, 1, 2, 3].map((i) => `  - text: ${w.pick(OBJECTS)} (${i + 1})\n${i === 1 ? '    correct: true\n' : ''}    feedback: ${w.sentence()}\n`).join('')}`;
    case 'multiple-response':
      return `${head}options:\n${[0, 1, 2, 3, 4].map((i) => `  - { text: ${w.pick(TERMS)} (${i + 1})${i % 2 === 0 ? ', correct: true' : ''} }\n`).join('')}`;
    case 'true-false':
      return `${head}answer: true\nfeedback: { correct: "${w.sentence()}", incorrect: "${w.sentence()}" }\n`;
    case 'fill-in':
      return `${head}answers: [${w.pick(TERMS)}]\nmaxLength: ${FILL_IN_MAX_LENGTH}\n`;
    case 'matching':
      return `${head}pairs:\n${[0, 1, 2, 3].map((i) => `  - { source: ${TERMS[i]}, target: "${OBJECTS[i]}" }\n`).join('')}`;
    case 'ordering':
      return `${head}items: [${['plan', 'collect', 'analyse', 'report'].map((s) => `${s} ${w.pick(OBJECTS)}`).join(', ')}]\n`;
    default:
      return head;
  }
}

function page(n: number, w: ReturnType<typeof writer>, body: string): string {
  const term = w.pick(TERMS);
  const title = `${term[0]!.toUpperCase()}${term.slice(1)} in practice, part ${n}`;
  return `# ${title} {#p${pad(n, 4)}}\n\n${body}`;
}

function contentPage(n: number, w: ReturnType<typeof writer>): string {
  const list = n % 3 === 0 ? `\n\n## Checklist\n\n${[0, 1, 2].map(() => `- ${w.sentence()}`).join('\n')}` : '';
  return page(n, w, `${w.paragraph(5)}\n\n**${w.sentence()}** ${w.paragraph(4)}\n\n${w.paragraph(5)}${list}\n`);
}

/**
 * Writes a valid one-language course of `pages` pages into `dir`: lessons of 10 pages, a question on
 * every 5th page cycling through the scored types and likert, and a one-page quiz as the last page
 * with one question (single-choice instead of likert, which a quiz cannot score).
 */
export async function generateSyntheticCourse(dir: string, pages: number): Promise<{ pages: number; questions: number }> {
  if (!Number.isInteger(pages) || pages < 2) throw new Error('a synthetic course has at least 2 pages (content and quiz)');
  const w = writer(pages);
  const lessons: string[][] = [];
  let questions = 0;
  const withQuestion = (n: number, quiz: boolean) => {
    if (n % PAGES_PER_QUESTION !== 0 && !quiz) return '';
    const type = SYNTHETIC_TYPES[questions % SYNTHETIC_TYPES.length]!;
    return `\n\`\`\`question\n${question(questions++, quiz && type === 'likert' ? 'single-choice' : type, w)}\`\`\`\n`;
  };
  for (let n = 1; n < pages; n++) {
    const i = Math.floor((n - 1) / PAGES_PER_LESSON);
    (lessons[i] ??= []).push(contentPage(n, w) + withQuestion(n, false));
  }
  const quiz = page(pages, w, `${w.paragraph(1)}\n`) + withQuestion(pages, true);
  const ids = lessons.map((_, i) => `lesson-${pad(i + 1, 3)}`);
  await fs.mkdir(path.join(dir, 'lessons'), { recursive: true });
  await Promise.all(lessons.map((body, i) => fs.writeFile(path.join(dir, 'lessons', `${ids[i]}.md`), `---\ntitle: Lesson ${i + 1}\nduration: 10\n---\n\n${body.join('\n')}`)));
  await fs.writeFile(path.join(dir, 'lessons', 'quiz.md'), `---\ntitle: Final quiz\nkind: quiz\n---\n\n${quiz}`);
  const course = [`id: synthetic-${pages}`, 'version: 1.0.0', 'languages: [en]', `title: Synthetic course of ${pages} pages`, `lessons: [${[...ids, 'quiz'].join(', ')}]`, 'completion: { pagesViewed: 100, quizPassed: true }', 'masteryScore: 80', ''];
  await fs.writeFile(path.join(dir, 'course.yaml'), course.join('\n'));
  return { pages, questions };
}
