import type { QuestionSpec } from '../../schema';
import type { Diagnostics } from '../../diagnostics';
import type { BlockContent } from '../render/blocks';
import { activitiesOf } from './activities';
import type { ParsedBlock, ParsedLesson, ParsedQuestion } from './parsed';

/** What must be equal in every language for tracking to mean the same thing. */
function answerKey(q: QuestionSpec): string {
  switch (q.type) {
    case 'single-choice':
    case 'multiple-response':
      return `options=${q.options.length} correct=${q.options.map((o, i) => (o.correct ? i + 1 : '')).filter(Boolean).join(',')}`;
    case 'scenario':
      return `options=${q.options.length} best=${q.options.findIndex((o) => o.best) + 1}`;
    case 'true-false':
      return `answer=${q.answer}`;
    case 'matching':
      return `pairs=${q.pairs.length}`;
    case 'ordering':
      return `items=${q.items.length}`;
    case 'sorting':
      return `cards per category=${q.categories.map((c) => c.items.length).join(',')}`;
    case 'likert':
      return `scale=${q.scale?.length ?? 5}`;
    case 'fill-in':
    case 'open':
      return `maxLength=${q.maxLength}`;
  }
}

const questionsOf = (lesson: ParsedLesson): ParsedQuestion[] =>
  lesson.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'question' ? [b.question] : [])));

/**
 * A translation must have the source language's structure: same pages, same questions in the same
 * order, same types, option counts and correct answers — otherwise one LMS record would mean two
 * different things depending on the learner's language.
 */
/** The blocks of a page as a list of names, nested ones in brackets: tracked bits must line up. */
function blockOutline(blocks: readonly (ParsedBlock | BlockContent)[]): string {
  return blocks
    .flatMap((b) => (b.kind === 'block' ? [`${b.node.name}(${b.node.items.length})[${blockOutline([...b.node.intro, ...b.node.items.flatMap((i) => i.body)])}]`] : []))
    .join(' ');
}

export function checkTranslation(source: ParsedLesson, translation: ParsedLesson, diagnostics: Diagnostics): void {
  const file = translation.file.display;
  const where = (line: number) => `${source.file.display}:${line}`;
  const sourcePages = source.pages.map((p) => p.id).join(', ');
  const translatedPages = translation.pages.map((p) => p.id).join(', ');
  if (sourcePages !== translatedPages) {
    diagnostics.error(file, translation.pages[0]?.line ?? 1, 'translation/pages-differ', `pages [${translatedPages}] differ from ${source.lang} [${sourcePages}] in ${source.file.display}`, 'give every language the same pages, with the same {#page-id}, in the same order');
  }
  if (source.front.kind !== translation.front.kind || source.front.draw !== translation.front.draw || JSON.stringify(source.front.stratify) !== JSON.stringify(translation.front.stratify)) {
    diagnostics.error(file, 2, 'translation/kind-differs', `kind/draw/stratify differ from ${source.file.display}`, 'front matter kind, draw and stratify must be the same in every language');
  }
  const objectiveIds = (l: ParsedLesson) => l.front.objectives.map((o) => o.id).join(', ');
  if (objectiveIds(source) !== objectiveIds(translation)) {
    diagnostics.error(file, translation.objectiveLines[0] ?? 2, 'translation/objectives-differ', `objectives [${objectiveIds(translation)}] differ from ${source.lang} [${objectiveIds(source)}] in ${source.file.display}`, 'translate the objective texts; keep the same ids in the same order');
  }
  for (const page of translation.pages) {
    const original = source.pages.find((p) => p.id === page.id);
    if (original && blockOutline(original.blocks) !== blockOutline(page.blocks)) {
      diagnostics.error(file, page.line, 'translation/blocks-differ', `page "${page.id}" has blocks [${blockOutline(page.blocks)}] but [${blockOutline(original.blocks)}] in ${where(original.line)}`, 'keep the same blocks with the same number of ## items, in the same order, in every language');
    }
  }
  const expected = questionsOf(source);
  const actual = questionsOf(translation);
  const count = Math.max(expected.length, actual.length);
  for (let i = 0; i < count; i++) {
    const want = expected[i];
    const got = actual[i];
    if (!got) {
      diagnostics.error(file, translation.pages.at(-1)?.line ?? 1, 'translation/missing-question', `question "${want!.spec.id}" (${where(want!.line)}) is missing`, 'translate every question block');
      continue;
    }
    if (!want) {
      diagnostics.error(file, got.line, 'translation/extra-question', `question "${got.spec.id}" is not in ${source.file.display}`, 'add it to the source language first');
      continue;
    }
    if (want.spec.id !== got.spec.id) {
      diagnostics.error(file, got.line, 'translation/question-id-differs', `question id "${got.spec.id}" should be "${want.spec.id}" as in ${where(want.line)}`, 'question ids are the same in every language and in the same order');
    } else if (want.spec.type !== got.spec.type) {
      diagnostics.error(file, got.line, 'translation/question-type-differs', `question "${got.spec.id}" is ${got.spec.type} but ${want.spec.type} in ${where(want.line)}`);
    } else if (answerKey(want.spec) !== answerKey(got.spec)) {
      diagnostics.error(file, got.line, 'translation/answers-differ', `question "${got.spec.id}": ${answerKey(got.spec)} but ${answerKey(want.spec)} in ${where(want.line)}`, 'keep the same options, in the same order, with the same correct answers');
    } else if ((want.spec.objectives ?? []).join() !== (got.spec.objectives ?? []).join()) {
      diagnostics.error(file, got.line, 'translation/objectives-differ', `question "${got.spec.id}" assesses [${(got.spec.objectives ?? []).join(', ')}] but [${(want.spec.objectives ?? []).join(', ')}] in ${where(want.line)}`, 'a question assesses the same objectives in every language');
    }
  }
  checkActivities(source, translation, diagnostics);
}

/** The agenda times activities by id: every language has the same ones, with the same durations. */
function checkActivities(source: ParsedLesson, translation: ParsedLesson, diagnostics: Diagnostics): void {
  const key = (l: ParsedLesson) => activitiesOf(l).map((a) => `${a.spec.id} (${a.spec.duration} min)`).join(', ');
  if (key(source) !== key(translation)) {
    const line = activitiesOf(translation)[0]?.line ?? translation.pages[0]?.line ?? 1;
    diagnostics.error(translation.file.display, line, 'translation/activities-differ', `activities [${key(translation)}] differ from ${source.lang} [${key(source)}] in ${source.file.display}`, 'give every language the same activity blocks, ids and durations, in the same order');
  }
}

export { questionsOf };
