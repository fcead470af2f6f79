import { LineCounter, parseDocument, isMap, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Diagnostics } from '../../diagnostics';

/** A parsed YAML text that can say on which line each value stands. */
export interface LocatedYaml {
  value: unknown;
  at(path: readonly PropertyKey[], key?: string): { line: number; column: number };
}

/**
 * Parses YAML that starts at `firstLine` of `file` (front matter and question blocks sit inside
 * Markdown). Syntax errors become diagnostics; returns undefined when the text is not usable.
 */
export function parseLocatedYaml(
  text: string,
  file: string,
  firstLine: number,
  diagnostics: Diagnostics,
): LocatedYaml | undefined {
  const lines = new LineCounter();
  const doc: Document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const pos = lines.linePos(error.pos[0]);
    const message = error.message.split('\n')[0] ?? 'invalid YAML';
    diagnostics.error(file, firstLine + pos.line - 1, 'yaml/syntax', message, 'check indentation and quote text that contains ": "', pos.col);
  }
  if (doc.errors.length > 0) return undefined;
  const at = (path: readonly PropertyKey[], key?: string) => {
    let node = doc.getIn(path as unknown[], true) as Node | undefined;
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      node = (pair?.key as Node | undefined) ?? node;
    }
    for (let i = path.length - 1; !node?.range && i >= 0; i--) node = doc.getIn(path.slice(0, i) as unknown[], true) as Node | undefined;
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };
  return { value: doc.toJS(), at };
}

/** Runs a zod schema; each issue becomes a diagnostic on the line of the offending value. */
export function checkSchema<S extends z.ZodType>(
  schema: S,
  yaml: LocatedYaml,
  file: string,
  what: string,
  diagnostics: Diagnostics,
): z.infer<S> | undefined {
  const result = schema.safeParse(yaml.value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const { line, column } = yaml.at(issue.path, unknownKeys[0]);
    const field = issue.path.length ? issue.path.join('.') : what;
    if (unknownKeys.length) {
      diagnostics.error(file, line, 'schema/unknown-key', `${what}: unknown key "${unknownKeys.join('", "')}"`, 'check the spelling against docs/course-format.md', column);
    } else {
      diagnostics.error(file, line, 'schema/invalid', `${field}: ${describeIssue(issue)}`, undefined, column);
    }
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `is required (${issue.expected})`;
  if (issue.code === 'invalid_union' && 'note' in issue && issue.note === 'No matching discriminator') {
    return 'unknown question type (one of single-choice, multiple-response, true-false, fill-in, matching, ordering, likert, open, scenario)';
  }
  return issue.message.replace(/^Invalid input: /, '');
}
