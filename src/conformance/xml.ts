/**
 * Reading package XML (imsmanifest.xml, cmi5.xml, tincan.xml) as plain objects with line numbers.
 * Namespace prefixes are dropped (`adlcp:scormType` → `scormType`): the XSD step checks namespaces.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element: attributes as plain keys, children by local name, `#text` for mixed content. */
export type XmlNode = { [key: string]: unknown };

const META = XMLParser.getMetaDataSymbol() as unknown as string;

export interface XmlDocument {
  root: XmlNode;
  /** 1-based line of an element, when the parser recorded where it starts. */
  lineOf(node: unknown): number | undefined;
}

/** Parses `text`; returns an error message instead when it is not well-formed. */
export function parseXml(text: string, repeated: readonly string[]): XmlDocument | { error: string; line?: number } {
  const body = text.replace(/^\uFEFF/, '');
  const check = XMLValidator.validate(body);
  if (check !== true) return { error: check.err.msg, line: check.err.line };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    captureMetaData: true,
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    isArray: (name) => repeated.includes(name),
  });
  let root: XmlNode;
  try {
    root = parser.parse(body) as XmlNode;
  } catch (err) {
    // e.g. entity-expansion limits on a hostile DOCTYPE
    return { error: err instanceof Error ? err.message : String(err) };
  }
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (node: unknown): number | undefined => {
    if (!node || typeof node !== 'object') return undefined;
    const index = (node as Record<string, { startIndex?: number } | undefined>)[META]?.startIndex;
    return index === undefined ? undefined : lineAt(lineStarts, index);
  };
  return { root, lineOf };
}

function lineAt(lineStarts: number[], index: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function children(node: unknown, name: string): XmlNode[] {
  if (!node || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  // An empty element parses as "": treat it as an element without attributes.
  return list.map((v) => (v && typeof v === 'object' ? (v as XmlNode) : { '#text': v }));
}

export function child(node: unknown, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** Attribute value (or an element's text), trimmed; undefined when absent. */
export function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[name];
  if (typeof value === 'string') return value.trim();
  if (value && typeof value === 'object' && typeof (value as XmlNode)['#text'] === 'string') {
    return ((value as XmlNode)['#text'] as string).trim();
  }
  return undefined;
}

export function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node.trim();
  return attr(node, '#text');
}
