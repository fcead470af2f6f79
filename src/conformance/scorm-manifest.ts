/** imsmanifest.xml read into the few facts the checks need, each with its line. */
import { joinBase } from './paths';
import { attr, child, children, text, type XmlDocument, type XmlNode } from './xml';

export const MANIFEST_FILE = 'imsmanifest.xml';

/** Elements that may repeat: always parsed as arrays. */
export const MANIFEST_REPEATED = [
  'organization', 'item', 'resource', 'file', 'dependency', 'manifest', 'sequencing', 'location',
] as const;

export interface ScormItem {
  identifier?: string;
  identifierref?: string;
  parameters?: string;
  line?: number;
  /** SCORM 1.2 `adlcp:masteryscore`. */
  masteryscore?: string;
  /** SCORM 2004 `imsss:sequencing` on the item (or the collection entry it points to via IDRef). */
  sequencing?: XmlNode;
}

export interface ScormResource {
  identifier?: string;
  href?: string;
  /** `adlcp:scormtype` (1.2) or `adlcp:scormType` (2004), lower-cased. */
  scormType?: string;
  /** Folder that href and file hrefs are relative to (xml:base chain). */
  base: string;
  line?: number;
  files: { href: string; line?: number }[];
  dependencies: { identifierref?: string; line?: number }[];
}

export interface ScormManifest {
  schemaversion?: string;
  /** Root namespace tells the versions apart when schemaversion is missing. */
  namespaceVersion?: 'scorm12' | 'scorm2004';
  defaultOrganization?: string;
  organizationsLine?: number;
  organizations: { identifier?: string; line?: number; items: ScormItem[]; sequencing?: XmlNode }[];
  resources: ScormResource[];
  /** Identifiers of nested (sub-)manifests: item identifierrefs may point at them. */
  subManifests: string[];
  /** Files named by `adlcp:location` metadata references. */
  metadataLocations: { href: string; line?: number }[];
  /** 2004 `imsss:sequencingCollection` entries by ID. */
  sequencingCollection: Map<string, XmlNode>;
  line?: number;
}

export function readManifest(doc: XmlDocument, rawXml: string): ScormManifest | undefined {
  const root = child(doc.root, 'manifest');
  if (!root) return undefined;
  const organizationsNode = child(root, 'organizations');
  const resourcesNode = child(root, 'resources');
  const collection = new Map<string, XmlNode>();
  for (const s of children(child(root, 'sequencingCollection'), 'sequencing')) {
    const id = attr(s, 'ID');
    if (id) collection.set(id, s);
  }
  const readItems = (node: XmlNode): ScormItem[] =>
    children(node, 'item').flatMap((item) => [readItem(doc, item, collection), ...readItems(item)]);
  return {
    schemaversion: text(child(child(root, 'metadata'), 'schemaversion')),
    namespaceVersion: rawXml.includes('http://www.imsproject.org/xsd/imscp_rootv1p1p2')
      ? 'scorm12'
      : rawXml.includes('http://www.imsglobal.org/xsd/imscp_v1p1')
        ? 'scorm2004'
        : undefined,
    defaultOrganization: attr(organizationsNode, 'default'),
    organizationsLine: doc.lineOf(organizationsNode),
    organizations: children(organizationsNode, 'organization').map((org) => ({
      identifier: attr(org, 'identifier'),
      line: doc.lineOf(org),
      items: readItems(org),
      sequencing: children(org, 'sequencing')[0],
    })),
    resources: children(resourcesNode, 'resource').map((r) => readResource(doc, r, joinBase(attr(root, 'base'), attr(resourcesNode, 'base')))),
    subManifests: children(root, 'manifest').map((m) => attr(m, 'identifier') ?? '').filter(Boolean),
    metadataLocations: collectLocations(doc, root),
    sequencingCollection: collection,
    line: doc.lineOf(root),
  };
}

function readItem(doc: XmlDocument, item: XmlNode, collection: Map<string, XmlNode>): ScormItem {
  let sequencing = children(item, 'sequencing')[0];
  const ref = attr(sequencing, 'IDRef');
  if (sequencing && ref && collection.has(ref)) sequencing = { ...collection.get(ref), ...sequencing };
  return {
    identifier: attr(item, 'identifier'),
    identifierref: attr(item, 'identifierref'),
    parameters: attr(item, 'parameters'),
    line: doc.lineOf(item),
    masteryscore: attr(item, 'masteryscore'),
    sequencing,
  };
}

function readResource(doc: XmlDocument, r: XmlNode, parentBase: string): ScormResource {
  return {
    identifier: attr(r, 'identifier'),
    href: attr(r, 'href'),
    scormType: (attr(r, 'scormType') ?? attr(r, 'scormtype'))?.toLowerCase(),
    base: joinBase(parentBase, attr(r, 'base')),
    line: doc.lineOf(r),
    files: children(r, 'file').map((f) => ({ href: attr(f, 'href') ?? '', line: doc.lineOf(f) })),
    dependencies: children(r, 'dependency').map((d) => ({ identifierref: attr(d, 'identifierref'), line: doc.lineOf(d) })),
  };
}

/** `<metadata><adlcp:location>` anywhere: the named file must ship with the package. */
function collectLocations(doc: XmlDocument, node: XmlNode): { href: string; line?: number }[] {
  const found: { href: string; line?: number }[] = [];
  const visit = (n: XmlNode): void => {
    for (const [key, value] of Object.entries(n)) {
      const nodes = Array.isArray(value) ? value : [value];
      for (const v of nodes) {
        if (!v || typeof v !== 'object') continue;
        if (key === 'metadata') {
          for (const loc of children(v, 'location')) {
            const href = text(loc);
            if (href) found.push({ href, line: doc.lineOf(v) });
          }
        }
        visit(v as XmlNode);
      }
    }
  };
  visit(node);
  return found;
}
