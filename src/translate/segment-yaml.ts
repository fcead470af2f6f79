import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { markdownOfRuns, runsOfMarkdown, UnsupportedInline } from './inline';
import type { FillOptions, Lookup } from './slots';
import { textOf, type Unit } from './unit';

export type YamlPath = (string | number)[];

/** Which values of a YAML block a translator sees, and what to tell them about each. */
export interface YamlRules {
  /** Keys whose string values (or lists of strings) are learner-facing inline Markdown. */
  textKeys: ReadonlySet<string>;
  /** Keys whose values are compared as typed, not Markdown (fill-in answers). */
  plainKeys?: ReadonlySet<string>;
  /** Keys holding a course-relative file path, pointed at the translation's own file on import. */
  pathKeys?: ReadonlySet<string>;
  notes(path: YamlPath, root: unknown): string[];
  maxLength?(path: YamlPath, root: unknown): number | undefined;
}

interface Found {
  path: YamlPath;
  key: string;
  value: string;
}

/** Every string value under a key the rules name, depth first; list positions count from 1. */
function walk(node: unknown, path: YamlPath, key: string, found: Found[]): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : '';
      walk(pair.value, [...path, k], k, found);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item, [...path, i + 1], key, found));
  } else if (isScalar(node) && typeof node.value === 'string') {
    found.push({ path, key, value: node.value });
  }
}

const nodeAt = (doc: ReturnType<typeof parseDocument>, path: YamlPath) =>
  doc.getIn(path.map((p) => (typeof p === 'number' ? p - 1 : p)), true) as Node | undefined;

export interface SegmentedYaml {
  units: Unit[];
  /** The YAML text with every translatable value replaced; comments and layout of the rest kept. */
  fill(lookup: Lookup, options: FillOptions): string;
}

/** Units of a YAML block (question, activity, front matter); ids are `prefix` + the value's path. */
export function segmentYaml(text: string, prefix: string, rules: YamlRules): SegmentedYaml | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length) return undefined;
  const root = doc.toJS() as unknown;
  const found: Found[] = [];
  walk(doc.contents, [], '', found);
  const units: Unit[] = [];
  const texts: { id: string; path: YamlPath; plain: boolean }[] = [];
  const paths: YamlPath[] = [];
  for (const f of found) {
    if (rules.pathKeys?.has(f.key)) paths.push(f.path);
    const plain = rules.plainKeys?.has(f.key) ?? false;
    if (!plain && !rules.textKeys.has(f.key)) continue;
    const id = `${prefix}${f.path.join('.')}`;
    let runs;
    try {
      runs = plain ? [{ kind: 'text' as const, text: f.value }] : runsOfMarkdown(f.value);
    } catch (error) {
      if (error instanceof UnsupportedInline) continue;
      throw error;
    }
    units.push({ id, runs, notes: rules.notes(f.path, root), maxLength: rules.maxLength?.(f.path, root) });
    texts.push({ id, path: f.path, plain });
  }
  const fill = (lookup: Lookup, options: FillOptions): string => {
    const copy = parseDocument(text);
    for (const t of texts) {
      const node = nodeAt(copy, t.path);
      const runs = lookup(t.id);
      if (isScalar(node)) node.value = t.plain ? textOf(runs) : markdownOfRuns(runs, { block: false, mapData: mapLinks(options) });
    }
    for (const p of paths) {
      const node = nodeAt(copy, p);
      if (isScalar(node) && typeof node.value === 'string') node.value = options.mapPath(node.value);
    }
    // No folding: a folded line moves every line after it, and block ids follow source lines.
    return copy.toString({ lineWidth: 0 });
  };
  return { units, fill };
}

/** Link and image targets inside codes follow FillOptions.mapPath. */
export function mapLinks(options: FillOptions) {
  return (run: { type: string; data: string; kind: string }): string => {
    if ((run.type !== 'link' && run.type !== 'image') || run.kind !== 'close') return run.data;
    return run.data.replace(/^\]\((<?)([^\s)>]+)/, (_m, angle: string, href: string) => `](${angle}${options.mapPath(href)}`);
  };
}
