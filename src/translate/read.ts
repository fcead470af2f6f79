import type { ReadDocument } from './document';
import { readXliff12 } from './xliff12';
import { readXliff2 } from './xliff2';
import { parseXml } from './xml-text';

export class UnreadableXliff extends Error {}

/** Reads an XLIFF 2.0 or 1.2 file, whichever it is. */
export function readXliff(xml: string, name: string): ReadDocument {
  let nodes;
  try {
    nodes = parseXml(xml);
  } catch (error) {
    throw new UnreadableXliff(`${name}: not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
  const root = nodes.find((n) => n.name === 'xliff');
  if (!root) throw new UnreadableXliff(`${name}: not an XLIFF file (no <xliff> root element)`);
  if (root.attrs.version?.startsWith('2.')) return readXliff2(root, xml);
  if (root.attrs.version === '1.2') return readXliff12(root, xml);
  throw new UnreadableXliff(`${name}: XLIFF version "${root.attrs.version ?? ''}" is not supported (use 2.0 or 1.2)`);
}
