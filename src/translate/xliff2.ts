/**
 * XLIFF 2.0 (OASIS Standard, 2014), core only. Markdown syntax becomes inline codes whose
 * Markdown sits in <originalData>: <pc> for paired formatting (bold, links, images), <ph> for
 * standalone codes (inline code, bare URLs, line breaks).
 */
import type { ExportDocument, ExportUnit, ReadDocument, ReadUnit } from './document';
import type { CodeType, Run } from './unit';
import { buildDocument, InlineContent, childNamed, childrenNamed, escapeAttr, escapeText, lineAt, mustKeep, parseXml, typeOfData, type XmlNode } from './xml-text';
import { lineStarts } from './slots';

const NS = 'urn:oasis:names:tc:xliff:document:2.0';

const TYPE: Record<CodeType, string> = {
  bold: 'type="fmt" subType="xlf:b"',
  italic: 'type="fmt" subType="xlf:i"',
  strike: 'type="fmt"',
  link: 'type="link"',
  image: 'type="image"',
  code: 'type="other"',
  break: 'type="fmt" subType="xlf:lb"',
  autolink: 'type="link"',
  var: 'type="other" subType="xlf:var"',
};

/** Serialises runs; `dataId` gives the <data> id of a code's Markdown. */
function inlineXml(runs: readonly Run[], dataId: (data: string) => string): string {
  const closing = new Map<string, string>();
  for (const r of runs) if (r.kind === 'close') closing.set(r.id, r.data);
  return runs
    .map((r) => {
      if (r.kind === 'text') return escapeText(r.text);
      const keep = mustKeep(r.type) ? ' canDelete="no"' : '';
      if (r.kind === 'ph') return `<ph id="${r.id}" dataRef="${dataId(r.data)}" ${TYPE[r.type]}${keep}/>`;
      if (r.kind === 'open') return `<pc id="${r.id}" dataRefStart="${dataId(r.data)}" dataRefEnd="${dataId(closing.get(r.id) ?? '')}" ${TYPE[r.type]}${keep}>`;
      return '</pc>';
    })
    .join('');
}

function unitNode(e: ExportUnit, inline: InlineContent): Record<string, unknown> {
  const data = new Map<string, string>();
  const dataId = (d: string) => {
    if (!data.has(d)) data.set(d, `d${data.size + 1}`);
    return data.get(d)!;
  };
  const source = inlineXml(e.unit.runs, dataId);
  const target = e.target && inlineXml(e.target, dataId);
  const notes = [...e.unit.notes, ...(e.unit.maxLength ? [`At most ${e.unit.maxLength} characters.`] : []), ...(e.outdated ? ['The source text changed since this translation: review it.'] : [])];
  return {
    '@_id': escapeAttr(e.unit.id),
    notes: { note: notes.map((n) => ({ '@_category': 'context', '#text': escapeText(n) })) },
    ...(data.size ? { originalData: { data: [...data].map(([d, id]) => ({ '@_id': id, '#text': escapeText(d) })) } } : {}),
    segment: {
      '@_state': target === undefined ? 'initial' : e.outdated ? 'initial' : 'translated',
      source: inline.add(source),
      ...(target === undefined ? {} : { target: inline.add(target) }),
    },
  };
}

export function writeXliff2(doc: ExportDocument): string {
  const inline = new InlineContent();
  return buildDocument({
    xliff: {
      '@_xmlns': NS,
      '@_version': '2.0',
      '@_srcLang': doc.srcLang,
      '@_trgLang': doc.trgLang,
      file: doc.files.map((f, i) => ({ '@_id': `f${i + 1}`, '@_original': escapeAttr(f.original), unit: f.units.map((u) => unitNode(u, inline)) })),
    },
  }, inline);
}

/** Inline content → runs; damaged codes (unknown data, unpaired sc/ec) go to `problems`. */
function readInline(nodes: XmlNode[], data: Map<string, string>, problems: string[], runs: Run[] = [], open: string[] = []): Run[] {
  const ref = (id: string | undefined, code: string) => {
    const d = id === undefined ? undefined : data.get(id);
    if (d === undefined) problems.push(`inline code ${code} refers to data "${id ?? ''}" that the unit does not hold`);
    return d ?? '';
  };
  for (const n of nodes) {
    const id = n.attrs.id ?? '';
    if (n.name === '#text') runs.push({ kind: 'text', text: n.text ?? '' });
    else if (n.name === 'cp') runs.push({ kind: 'text', text: String.fromCodePoint(parseInt(n.attrs.hex ?? '20', 16)) });
    else if (n.name === 'mrk') readInline(n.children, data, problems, runs, open);
    else if (n.name === 'ph') {
      const d = ref(n.attrs.dataRef, id);
      runs.push({ kind: 'ph', id, type: typeOfData(d), data: d });
    } else if (n.name === 'pc') {
      const start = ref(n.attrs.dataRefStart, id);
      const end = ref(n.attrs.dataRefEnd, id);
      const type = typeOfData(start === '[' ? end : start);
      runs.push({ kind: 'open', id, type, data: start });
      readInline(n.children, data, problems, runs, open);
      runs.push({ kind: 'close', id, type, data: end });
    } else if (n.name === 'sc') {
      const d = ref(n.attrs.dataRef, id);
      open.push(id);
      runs.push({ kind: 'open', id, type: typeOfData(d), data: d });
    } else if (n.name === 'ec') {
      const start = n.attrs.startRef ?? '';
      const d = ref(n.attrs.dataRef, start);
      if (!open.includes(start)) problems.push(`inline code ${start} ends but never starts`);
      open.splice(open.indexOf(start), 1);
      runs.push({ kind: 'close', id: start, type: typeOfData(d), data: d });
    } else problems.push(`unexpected <${n.name}> inside the text`);
  }
  return runs;
}

function readUnit(unit: XmlNode, lines: number[]): ReadUnit {
  const problems: string[] = [];
  const data = new Map(childrenNamed(childNamed(unit, 'originalData') ?? { children: [] } as unknown as XmlNode, 'data').map((d) => [d.attrs.id ?? '', d.children.map((c) => c.text ?? '').join('')]));
  const source: Run[] = [];
  const target: Run[] = [];
  let hasTarget = false;
  let targetAt = unit.at;
  const sourceProblems: string[] = [];
  for (const part of unit.children.filter((c) => c.name === 'segment' || c.name === 'ignorable')) {
    const s = childNamed(part, 'source');
    const t = childNamed(part, 'target');
    if (s) readInline(s.children, data, sourceProblems, source);
    if (t) {
      if (!hasTarget) targetAt = t.at;
      hasTarget = true;
      readInline(t.children, data, problems, target);
    } else if (part.name === 'ignorable' && s) readInline(s.children, data, problems, target);
  }
  const open = target.filter((r) => r.kind === 'open').map((r) => r.id);
  const closed = new Set(target.filter((r) => r.kind === 'close').map((r) => r.id));
  for (const id of open) if (!closed.has(id)) problems.push(`inline code ${id} starts but never ends`);
  return { id: unit.attrs.id ?? '', source: merge(source), target: hasTarget ? merge(target) : undefined, line: lineAt(lines, hasTarget ? targetAt : unit.at), problems };
}

/** Adjacent text runs (split by <mrk>, <cp>, segments) become one. */
export function merge(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    const last = out.at(-1);
    if (r.kind === 'text' && last?.kind === 'text') last.text += r.text;
    else out.push({ ...r });
  }
  return out.filter((r) => r.kind !== 'text' || r.text !== '');
}

const allUnits = (node: XmlNode): XmlNode[] => node.children.flatMap((c) => (c.name === 'unit' ? [c] : c.name === 'group' ? allUnits(c) : []));

export function readXliff2(root: XmlNode, xml: string): ReadDocument {
  const lines = lineStarts(xml);
  return {
    version: '2.0',
    srcLang: root.attrs.srcLang ?? '',
    trgLang: root.attrs.trgLang ?? '',
    files: childrenNamed(root, 'file').map((f) => ({ original: f.attrs.original ?? '', units: allUnits(f).map((u) => readUnit(u, lines)) })),
  };
}

export { parseXml };
