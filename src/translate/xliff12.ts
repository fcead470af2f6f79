/**
 * XLIFF 1.2 (OASIS Standard, 2008), strict schema. Codes carry their Markdown as native data:
 * <bpt>/<ept> for paired formatting, <ph> for standalone codes. (<g>/<x> cannot hold the Markdown,
 * so a link's target would be lost.) Length limits go in maxwidth, context in <note>.
 */
import type { ExportDocument, ExportUnit, ReadDocument, ReadUnit } from './document';
import type { CodeType, Run } from './unit';
import { merge } from './xliff2';
import { buildDocument, InlineContent, childNamed, childrenNamed, escapeAttr, escapeText, lineAt, typeOfData, type XmlNode } from './xml-text';
import { lineStarts } from './slots';

const NS = 'urn:oasis:names:tc:xliff:document:1.2';

/** ctype values of the 1.2 schema (or x- extensions it allows). */
const CTYPE: Record<CodeType, string> = { bold: 'bold', italic: 'italic', strike: 'x-strike', link: 'link', image: 'x-image', code: 'x-code', break: 'lb', autolink: 'x-link', var: 'x-var' };

function inlineXml(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      if (r.kind === 'text') return escapeText(r.text);
      if (r.kind === 'ph') return `<ph id="${r.id}" ctype="${CTYPE[r.type]}">${escapeText(r.data)}</ph>`;
      if (r.kind === 'open') return `<bpt id="${r.id}" ctype="${CTYPE[r.type]}">${escapeText(r.data)}</bpt>`;
      return `<ept id="${r.id}">${escapeText(r.data)}</ept>`;
    })
    .join('');
}

function unitNode(e: ExportUnit, inline: InlineContent): Record<string, unknown> {
  const translated = e.target !== undefined && !e.outdated;
  return {
    '@_id': escapeAttr(e.unit.id),
    ...(translated ? { '@_approved': 'yes' } : {}),
    ...(e.unit.maxLength ? { '@_maxwidth': String(e.unit.maxLength), '@_size-unit': 'char' } : {}),
    source: inline.add(inlineXml(e.unit.runs)),
    ...(e.target ? { target: { '@_state': translated ? 'translated' : 'needs-review-translation', '#text': inline.add(inlineXml(e.target)) } } : {}),
    note: [...e.unit.notes, ...(e.outdated ? ['The source text changed since this translation: review it.'] : [])].map(escapeText),
  };
}

export function writeXliff12(doc: ExportDocument): string {
  const inline = new InlineContent();
  return buildDocument({
    xliff: {
      '@_xmlns': NS,
      '@_version': '1.2',
      file: doc.files.map((f) => ({
        '@_original': escapeAttr(f.original),
        '@_source-language': doc.srcLang,
        '@_target-language': doc.trgLang,
        '@_datatype': 'x-markdown',
        body: { 'trans-unit': f.units.map((u) => unitNode(u, inline)) },
      })),
    },
  }, inline);
}

function readInline(nodes: XmlNode[], problems: string[], runs: Run[] = []): Run[] {
  const open: string[] = [];
  // An <ept>'s text alone can be ambiguous ("](file)" ends a link and an image alike): it takes the
  // type of the <bpt> it closes.
  const openedAs = new Map<string, Run & { kind: 'open' }>();
  const native = (n: XmlNode) => n.children.map((c) => c.text ?? '').join('');
  for (const n of nodes) {
    const id = n.attrs.id ?? '';
    if (n.name === '#text') runs.push({ kind: 'text', text: n.text ?? '' });
    else if (n.name === 'mrk') readInline(n.children, problems, runs);
    else if (n.name === 'ph' || n.name === 'it') {
      const d = native(n);
      runs.push({ kind: 'ph', id, type: typeOfData(d), data: d });
    } else if (n.name === 'bpt') {
      const d = native(n);
      open.push(id);
      const run = { kind: 'open' as const, id, type: typeOfData(d), data: d };
      openedAs.set(id, run);
      runs.push(run);
    } else if (n.name === 'ept') {
      const d = native(n);
      const start = open.includes(id) ? id : (n.attrs.rid ?? id);
      if (!open.includes(start)) problems.push(`inline code ${id} ends but never starts`);
      else open.splice(open.indexOf(start), 1);
      runs.push({ kind: 'close', id: start, type: openedAs.get(start)?.type ?? typeOfData(d), data: d });
    } else problems.push(`unexpected <${n.name}> inside the text (export again: this version writes <bpt>, <ept> and <ph>)`);
  }
  for (const id of open) problems.push(`inline code ${id} starts but never ends`);
  return runs;
}

function readUnit(unit: XmlNode, lines: number[]): ReadUnit {
  const problems: string[] = [];
  const source = childNamed(unit, 'source');
  const target = childNamed(unit, 'target');
  return {
    id: unit.attrs.id ?? '',
    source: merge(readInline(source?.children ?? [], [])),
    target: target && merge(readInline(target.children, problems)),
    line: lineAt(lines, (target ?? unit).at),
    problems,
  };
}

const allUnits = (node: XmlNode): XmlNode[] => node.children.flatMap((c) => (c.name === 'trans-unit' ? [c] : c.name === 'group' || c.name === 'body' ? allUnits(c) : []));

export function readXliff12(root: XmlNode, xml: string): ReadDocument {
  const lines = lineStarts(xml);
  const files = childrenNamed(root, 'file');
  return {
    version: '1.2',
    srcLang: files[0]?.attrs['source-language'] ?? '',
    trgLang: files[0]?.attrs['target-language'] ?? '',
    files: files.map((f) => ({ original: f.attrs.original ?? '', units: allUnits(f).map((u) => readUnit(u, lines)) })),
  };
}
