import type { YamlPath, YamlRules } from './segment-yaml';

/**
 * Fenced blocks whose content holds text to translate. Any other fence (code, or syntax this
 * version does not know) stays in the skeleton untouched: new syntax degrades to "not translated",
 * never to "broken".
 */
export type FenceRules =
  | { kind: 'yaml'; name: string; yaml: YamlRules }
  | { kind: 'markdown'; name: string; note: string };

type Data = Record<string, unknown>;

const at = (root: unknown, path: YamlPath): unknown =>
  path.reduce<unknown>((node, p) => (node as Record<string | number, unknown> | undefined)?.[typeof p === 'number' ? p - 1 : p], root);

const ordinal = (n: number) => `option ${n}`;

/** Context a translator needs for a question field: type, which option is right, limits. */
function questionNotes(path: YamlPath, root: unknown): string[] {
  const q = (root ?? {}) as Data;
  const type = String(q.type ?? 'question');
  const [first, index, field] = path;
  const notes = [`Question "${String(q.id ?? '')}" (${type})`];
  if (first === 'prompt') notes.push('the question the learner answers');
  if (first === 'situation') notes.push('the situation of a scenario, shown before the decision');
  if (first === 'feedback') notes.push(`feedback shown when the answer is ${String(index)}`);
  if (first === 'options' && typeof index === 'number') {
    const option = (at(root, ['options', index]) ?? {}) as Data;
    const verdict = type === 'scenario' ? (option.best ? 'the best decision' : 'not the best decision') : option.correct ? 'a correct answer' : 'a wrong answer';
    const what = field === 'text' ? 'text' : field === 'consequence' ? 'consequence shown after choosing it' : 'feedback shown after choosing it';
    notes.push(`${ordinal(index)} (${verdict}): ${what}`);
  }
  if (first === 'pairs' && typeof index === 'number') notes.push(`pair ${index}: ${field === 'source' ? 'item to match' : 'its match (also shown as plain text in a drop-down list)'}`);
  if (first === 'items' && typeof index === 'number') notes.push(`item ${index} of the correct order (shown shuffled)`);
  if (first === 'scale' && typeof index === 'number') notes.push(`label ${index} of the rating scale`);
  if (first === 'answers') notes.push(`accepted answer ${String(index)}: what a learner types in this language to be right (matched ${q.caseSensitive ? 'case-sensitively' : 'ignoring case'}, at most ${Number(q.maxLength ?? 40)} characters); keep it short`);
  return notes;
}

const QUESTION: YamlRules = {
  textKeys: new Set(['prompt', 'situation', 'text', 'feedback', 'correct', 'incorrect', 'consequence', 'source', 'target', 'items', 'scale']),
  plainKeys: new Set(['answers']),
  notes: questionNotes,
  maxLength: (path, root) => (path[0] === 'answers' ? Number((root as Data)?.maxLength ?? 40) : undefined),
};

/** Facilitated activities (workshop kit, src/schema/activity.ts): what the facilitator reads out or hands round. */
const ACTIVITY: YamlRules = {
  textKeys: new Set(['title', 'purpose', 'grouping', 'materials', 'steps', 'debrief', 'notes']),
  notes: (path, root) => [`Workshop activity "${String((root as Data)?.id ?? '')}" (facilitator and participants): ${path.join(' › ')}`],
};

export function fenceRules(info: string): FenceRules | undefined {
  const name = info.split(/\s+/)[0];
  if (name === 'question') return { kind: 'yaml', name: 'question', yaml: QUESTION };
  if (name === 'activity') return { kind: 'yaml', name: 'activity', yaml: ACTIVITY };
  if (name === 'facilitator') return { kind: 'markdown', name: 'facilitator', note: 'Facilitator note (not shown to learners)' };
  return undefined;
}

const frontNote = (path: YamlPath): string => {
  if (path[0] === 'title') return 'Lesson title (menu, page header)';
  if (path[0] === 'objectives') return `Learning objective ${String(path[1])}, as the learner reads it (lesson start, quiz results)`;
  return `Title of handout ${String(path[1])} (download link)`;
};

/** Lesson front matter: the title, objectives and handout titles; handout files follow the language. */
export const FRONT_MATTER: YamlRules = {
  textKeys: new Set(['title', 'text']),
  pathKeys: new Set(['file']),
  notes: (path) => [frontNote(path)],
};
