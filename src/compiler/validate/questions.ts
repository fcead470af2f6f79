import { questionSchema, type QuestionSpec } from '../../schema';
import type { Diagnostics } from '../../diagnostics';
import { checkSchema, parseLocatedYaml } from './yaml';

/** Parses and checks one ```question block whose YAML starts at `firstLine`. */
export function validateQuestion(
  yamlText: string,
  file: string,
  firstLine: number,
  diagnostics: Diagnostics,
): QuestionSpec | undefined {
  const yaml = parseLocatedYaml(yamlText, file, firstLine, diagnostics);
  if (!yaml) return undefined;
  if (yaml.value === null || typeof yaml.value !== 'object') {
    diagnostics.error(file, firstLine, 'question/empty', 'question block holds no fields', 'give at least id, type and prompt');
    return undefined;
  }
  const id = (yaml.value as { id?: unknown }).id;
  const spec = checkSchema(questionSchema, yaml, file, typeof id === 'string' ? `question "${id}"` : 'question', diagnostics);
  if (!spec) return undefined;
  const line = yaml.at([]).line;
  const fail = (rule: string, message: string, hint: string) =>
    diagnostics.error(file, line, rule, `question "${spec.id}": ${message}`, hint);
  switch (spec.type) {
    case 'single-choice': {
      const n = spec.options.filter((o) => o.correct).length;
      if (n !== 1) fail(n === 0 ? 'question/no-correct-answer' : 'question/several-correct', `a single-choice question needs exactly one correct option, found ${n}`, 'mark one option with correct: true, or use type: multiple-response');
      break;
    }
    case 'multiple-response':
      if (!spec.options.some((o) => o.correct)) fail('question/no-correct-answer', 'no option is marked correct', 'mark the right options with correct: true');
      break;
    case 'scenario': {
      const n = spec.options.filter((o) => o.best).length;
      if (n !== 1) fail('question/no-best-option', `a scenario needs exactly one option with best: true, found ${n}`, 'mark the best decision with best: true');
      break;
    }
    case 'fill-in':
      for (const answer of spec.answers) {
        if (answer.length > spec.maxLength) fail('question/answer-too-long', `accepted answer "${answer}" is longer than maxLength ${spec.maxLength}`, 'raise maxLength or shorten the answer');
      }
      break;
    case 'matching': {
      const targets = spec.pairs.map((p) => p.target);
      if (new Set(targets).size !== targets.length) fail('question/duplicate-target', 'two pairs have the same target', 'each source needs its own target');
      break;
    }
    default:
      break;
  }
  return spec;
}

/** Checks the question a block (a sorting activity) stands for, reporting at the block's line. */
export function blockQuestion(fields: Record<string, unknown>, file: string, line: number, diagnostics: Diagnostics): QuestionSpec | undefined {
  const result = questionSchema.safeParse(fields);
  if (result.success) return result.data;
  for (const issue of result.error.issues) diagnostics.error(file, line, 'block/invalid', `${issue.path.join('.') || 'block'}: ${issue.message.replace(/^Invalid input: /, '')}`);
  return undefined;
}
