import { isMap, isScalar, isSeq, parseDocument, stringify, type Node } from 'yaml';

/**
 * Edits course.yaml in place, line by line, so the designer's layout and comments stay as they
 * are: only the entry of the one language changes.
 */

const columnOf = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);

/** `key: value` lines for a map entry at `indent` columns. */
function entry(key: string, value: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return stringify({ [key]: value }, { lineWidth: 100 - indent }).trimEnd().split('\n').map((l) => pad + l).join('\n');
}

/** Sets `path.<lang>` to `value` (turning one string for all languages into a per-language map). */
export function setLocalized(text: string, path: (string | number)[], srcLang: string, lang: string, value: string): string {
  const doc = parseDocument(text);
  const node = doc.getIn(path, true) as Node | undefined;
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && p.key.value === lang);
    if (pair && isScalar(pair.value) && pair.value.value === value) return text;
    if (node.flow && node.range) {
      // { en: Short, fr: Court }: rewritten whole, values as JSON strings (valid YAML scalars).
      const values = { ...(node.toJSON() as Record<string, unknown>), [lang]: value };
      const flow = `{ ${Object.entries(values).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')} }`;
      return text.slice(0, node.range[0]) + flow + text.slice(node.range[1]);
    }
    const first = node.items[0]?.key as Node | undefined;
    const indent = first?.range ? columnOf(text, first.range[0]) : 2;
    if (pair && isScalar(pair.key) && pair.key.range && (pair.value as Node | null)?.range) {
      const start = pair.key.range[0] - indent;
      const end = (pair.value as Node).range![1];
      const newline = text[end - 1] === '\n' ? '\n' : '';
      return text.slice(0, start) + entry(lang, value, indent) + newline + text.slice(end).replace(/^[ \t]*(?=\n)/, '');
    }
    const last = node.items.at(-1)?.value as Node | undefined;
    const at = last?.range ? last.range[1] : (node.range?.[1] ?? text.length);
    const lineEnd = text.indexOf('\n', at - 1);
    const cut = lineEnd < 0 ? text.length : lineEnd;
    return `${text.slice(0, cut)}\n${entry(lang, value, indent)}${text.slice(cut)}`;
  }
  if (isScalar(node) && node.range) {
    if (lang === srcLang || node.value === value) return text;
    const parentIndent = columnOf(text, node.range[0]) - (String(path.at(-1)).length + 2);
    const indent = Math.max(parentIndent, 0) + 2;
    const lines = `\n${entry(srcLang, String(node.value), indent)}\n${entry(lang, value, indent)}`;
    return text.slice(0, node.range[0]).replace(/[ \t]+$/, '') + lines + text.slice(node.range[1]).replace(/^[ \t]*(?=\n)/, '');
  }
  return text;
}

/** Adds `lang` to `languages:`, in the list's own style (flow `[en, fr]` or one item a line). */
export function addLanguage(text: string, lang: string): string {
  const doc = parseDocument(text);
  const list = doc.get('languages', true);
  if (!isSeq(list) || list.items.some((i) => isScalar(i) && i.value === lang) || !list.range) return text;
  if (list.flow) {
    const close = text.lastIndexOf(']', list.range[1]);
    return `${text.slice(0, close)}, ${lang}${text.slice(close)}`;
  }
  const last = list.items.at(-1) as Node | undefined;
  const itemStart = last?.range ? last.range[0] : list.range[0];
  const dash = text.lastIndexOf('-', itemStart);
  const indent = columnOf(text, dash);
  const lineEnd = text.indexOf('\n', last?.range?.[1] ?? list.range[1]);
  const cut = lineEnd < 0 ? text.length : lineEnd;
  return `${text.slice(0, cut)}\n${' '.repeat(indent)}- ${lang}${text.slice(cut)}`;
}
