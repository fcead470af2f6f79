import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { CodeType } from './unit';

/** Text content: only & and < must go, > too so "]]>" can never appear. */
export const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Attribute values: newlines and tabs as references, or XML parsers fold them to spaces. */
export const escapeAttr = (s: string): string =>
  escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

/**
 * fast-xml-parser builds the document structure; values handed to it must already be escaped
 * (processEntities: false). Inline content (text mixed with codes) goes in as a placeholder and is
 * put back after building: the builder re-indents any value holding "<" inside an element that has
 * attributes, which would add whitespace to the translatable text.
 */
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, processEntities: false, suppressEmptyNode: true });

export class InlineContent {
  private readonly values: string[] = [];
  /** A stand-in for serialised inline XML. */
  add(xml: string): string {
    this.values.push(xml);
    return `\u0001${this.values.length - 1}\u0001`;
  }
  restore(built: string): string {
    return built.replace(/\u0001(\d+)\u0001/g, (_m, i: string) => this.values[Number(i)]!);
  }
}

export function buildDocument(root: Record<string, unknown>, inline: InlineContent): string {
  return inline.restore(builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...root }) as string);
}

/** An element as fast-xml-parser returns it with preserveOrder: name, attributes, children, offset. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text?: string;
  /** Offset of the element in the document, for line numbers. */
  at: number;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: false,
  captureMetaData: true,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as string;

type Raw = Record<string, unknown>;

function toNodes(raw: Raw[], parentAt: number): XmlNode[] {
  return raw.map((entry) => {
    const name = Object.keys(entry).find((k) => k !== ':@') ?? '#text';
    const at = (entry[META] as { startIndex?: number } | undefined)?.startIndex ?? parentAt;
    if (name === '#text') return { name, attrs: {}, children: [], text: String(entry[name] ?? ''), at };
    return { name: name.replace(/^.*:/, ''), attrs: (entry[':@'] as Record<string, string>) ?? {}, children: toNodes(entry[name] as Raw[], at), at };
  });
}

export function parseXml(xml: string): XmlNode[] {
  return toNodes(parser.parse(xml) as Raw[], 0);
}

export const childrenNamed = (node: XmlNode, name: string): XmlNode[] => node.children.filter((c) => c.name === name);
export const childNamed = (node: XmlNode, name: string): XmlNode | undefined => node.children.find((c) => c.name === name);

/** 1-based line of an offset; `lines` holds the offsets where lines start. */
export function lineAt(lines: readonly number[], offset: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** What kind of Markdown a code's data is, for codes the source does not know. */
export function typeOfData(start: string): CodeType {
  if (/^\{\w+\}$/.test(start)) return 'var';
  if (start.startsWith('![')) return 'image';
  if (start.startsWith('[') || start.startsWith('](')) return 'link';
  if (start === '**' || start === '__') return 'bold';
  if (start === '*' || start === '_') return 'italic';
  if (start.startsWith('~')) return 'strike';
  if (start.startsWith('`')) return 'code';
  if (start.startsWith('\\')) return 'break';
  return 'autolink';
}

/** Codes a translator must keep: dropping them loses a link, an image or literal code. */
export const mustKeep = (type: CodeType): boolean => type === 'link' || type === 'image' || type === 'code' || type === 'autolink' || type === 'var';
