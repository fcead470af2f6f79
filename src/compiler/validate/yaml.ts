import { LineCounter, parseDocument, isMap, isScalar, isCollection, isPair, isAlias, visit, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { Diagnostics } from '../../diagnostics';
import { keysAt, suggestion, valueAt } from './schema-issues';

/** A parsed YAML text that can say on which line each value stands. */
export interface LocatedYaml {
  value: unknown;
  at(path: readonly PropertyKey[], key?: string): { line: number; column: number };
}

/**
 * Nesting no course file needs (the deepest, course.yaml's frame texts, is 4): deeper input is a
 * mistake or an attack, and the parser recurses, so a few thousand "[" exhaust its stack or memory.
 */
export const MAX_YAML_DEPTH = 32;
/** Aliases expanded per document: enough for any course, far too few for a "billion laughs". */
export const MAX_YAML_ALIASES = 100;

/** Offset where flow brackets first nest deeper than the limit: checked before the parser sees them. */
function tooDeepFlow(text: string): number | undefined {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '\n' && quote === '#') quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) quote = '#';
    else if (c === '[' || c === '{') {
      if (++depth > MAX_YAML_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
    else if (c === '\n' && depth === 0) quote = '';
  }
  return undefined;
}

/** The first node nested deeper than the limit (block indentation), walked without recursion. */
function tooDeepNode(doc: Document): Node | undefined {
  const stack: [unknown, number][] = [[doc.contents, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isCollection(node)) continue;
    if (depth > MAX_YAML_DEPTH) return node;
    for (const item of node.items) stack.push([isPair(item) ? item.value : item, depth + 1]);
  }
  return undefined;
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
  const report = (offset: number, rule: string, message: string, hint: string) => {
    const pos = lines.linePos(offset);
    diagnostics.error(file, firstLine + pos.line - 1, rule, message, hint, pos.col);
  };
  const deepHint = `no course file nests more than a few levels; the limit is ${MAX_YAML_DEPTH}`;
  const flow = tooDeepFlow(text);
  if (flow !== undefined) {
    lines.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < flow; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    report(flow, 'yaml/too-deep', `brackets nest deeper than ${MAX_YAML_DEPTH} levels`, deepHint);
    return undefined;
  }
  const doc: Document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    // The parser reports its own stack overflow as a syntax error: it is nesting, not a typo.
    const deep = error.message.includes('call stack');
    const message = deep ? `the YAML nests too deeply to read` : (error.message.split('\n')[0] ?? 'invalid YAML');
    report(error.pos[0], deep ? 'yaml/too-deep' : 'yaml/syntax', message, deep ? deepHint : 'check indentation and quote text that contains ": "');
  }
  if (doc.errors.length > 0) return undefined;
  const deep = tooDeepNode(doc);
  if (deep) {
    report(deep.range?.[0] ?? 0, 'yaml/too-deep', `values nest deeper than ${MAX_YAML_DEPTH} levels`, deepHint);
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    let first: Node | undefined;
    visit(doc, { Alias: (_, node) => ((first = node as Node), visit.BREAK) });
    report(first?.range?.[0] ?? 0, 'yaml/too-many-aliases', `aliases (*name) expand to more than ${MAX_YAML_ALIASES} copies of their anchors (&name)`, 'write the values out, or use fewer aliases: a "billion laughs" file would take all memory');
    return undefined;
  }
  const at = (path: readonly PropertyKey[], key?: string) => {
    let node = doc.getIn(path as unknown[], true) as Node | undefined;
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
      node = (pair?.key as Node | undefined) ?? node;
    }
    if (isAlias(node)) node = undefined;
    for (let i = path.length - 1; !node?.range && i >= 0; i--) node = doc.getIn(path.slice(0, i) as unknown[], true) as Node | undefined;
    const pos = lines.linePos(node?.range?.[0] ?? 0);
    return { line: firstLine + pos.line - 1, column: pos.col };
  };
  return { value, at };
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
    if (issue.code === 'unrecognized_keys') {
      const known = keysAt(schema, issue.path, yaml.value);
      for (const key of issue.keys) {
        const { line, column } = yaml.at(issue.path, key);
        const hint = known.length ? suggestion(key, known, 'keys here are') : 'check the spelling against docs/course-format.md';
        diagnostics.error(file, line, 'schema/unknown-key', `${what}: unknown key "${key}"`, hint, column);
      }
      continue;
    }
    const { line, column } = yaml.at(issue.path);
    const field = issue.path.length ? issue.path.join('.') : what;
    const { rule, message, hint } = describeIssue(issue, valueAt(yaml.value, issue.path), what, field);
    diagnostics.error(file, line, rule, message, hint, column);
  }
  return undefined;
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown, what: string, field: string): { rule: string; message: string; hint?: string } {
  const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  if (issue.code === 'invalid_type' && issue.input === undefined) return { rule: 'schema/invalid', message: `${field}: is required (${issue.expected})` };
  // zod 4 lists a discriminated union's tags on the issue, though its type does not say so.
  const tags = (issue as { options?: unknown }).options;
  if (issue.code === 'invalid_union' && 'discriminator' in issue && Array.isArray(tags)) {
    const choices = tags.map(String);
    const name = issue.discriminator as string;
    if (value === undefined) return { rule: 'schema/invalid', message: `${what}: ${name} is required (one of ${choices.join(', ')})` };
    return { rule: 'schema/unknown-value', message: `${what}: unknown ${name} ${shown} (one of ${choices.join(', ')})`, hint: suggestion(String(value), choices, 'choose one of') };
  }
  if (issue.code === 'invalid_value' && issue.values.length > 1) {
    const choices = issue.values.map(String);
    return { rule: 'schema/unknown-value', message: `${what}: ${field} ${shown} is not one of ${choices.join(', ')}`, hint: suggestion(String(value), choices, 'choose one of') };
  }
  if (issue.code === 'too_big' && issue.origin === 'array') {
    return { rule: 'schema/too-many', message: `${what}: ${field} has ${Array.isArray(value) ? value.length : 'too many'} items, at most ${String(issue.maximum)}`, hint: TOO_MANY_HINTS[String(issue.path.at(-1))] };
  }
  return { rule: 'schema/invalid', message: `${field}: ${issue.message.replace(/^Invalid input: /, '')}` };
}

/** Why a list has a maximum, where the reason is ours to tell. */
const TOO_MANY_HINTS: Record<string, string> = {
  options: 'choices are tracked as the letters a–z (one character each in SCORM 1.2): split the question in two, or turn it into a fill-in',
  items: 'items are tracked as the letters a–z: split the question in two',
  pairs: 'pairs are tracked as the letters a–z: split the question in two',
};
