/**
 * XML Schema validation of manifests with the official XSDs shipped in `schemas/`, through
 * xmllint-wasm (libxml2 compiled to WebAssembly: no system install needed).
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

export type XsdStandard = 'scorm12' | 'scorm2004' | 'cmi5' | 'xliff12' | 'xliff20';

export interface XsdError {
  line?: number;
  message: string;
}

export interface XsdResult {
  valid: boolean;
  errors: XsdError[];
}

/** SCORM 1.2 inline metadata namespace: not schema-checked (see SCHEMA_SETS). */
export const IMSMD_NAMESPACE = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';

/** `src/conformance/` and `build/conformance/` are both two levels below the repo root. */
export const SCHEMAS_DIR = path.join(__dirname, '..', '..', 'schemas');

/**
 * The driver schema imports every namespace of the standard (see schemas/drivers/*.xsd for why);
 * `preload` lists what it reaches, as folders or files relative to `schemas/`.
 */
const SCHEMA_SETS: Record<XsdStandard, { driver: string; preload: string[]; unchecked?: string }> = {
  // The 1.2 driver leaves out IMS metadata (libxml2 2.13 rejects imsmd_rootv1p2p1.xsd), so
  // inline imsmd elements are reported as undeclared: those errors are dropped, not failures.
  scorm12: {
    driver: 'drivers/scorm12.xsd',
    preload: ['scorm12', 'scorm2004-4th/xml.xsd'],
    unchecked: IMSMD_NAMESPACE,
  },
  scorm2004: { driver: 'drivers/scorm2004.xsd', preload: ['scorm2004-4th'] },
  cmi5: { driver: 'cmi5/CourseStructure.xsd', preload: [] },
  // Translation exchange files (coursepack translate export), OASIS XLIFF core schemas.
  xliff12: { driver: 'drivers/xliff12.xsd', preload: ['xliff/xliff-core-1.2-strict.xsd', 'xliff/informativeCopiesOf3rdPartySchemas'] },
  xliff20: { driver: 'xliff/xliff_core_2.0.xsd', preload: ['xliff/informativeCopiesOf3rdPartySchemas'] },
};

/** The in-memory name of the validated document; errors carrying it are the document's. */
const DOCUMENT_NAME = 'document.xml';

interface SchemaFiles {
  schema: XMLFileInfo;
  preload: XMLFileInfo[];
}

const cache = new Map<XsdStandard, Promise<SchemaFiles>>();

/**
 * Validates `xml` against the official schemas of `standard`. Errors carry the document's line.
 * Rejects only when the schemas themselves cannot be loaded or compiled.
 */
export async function validateXml(standard: XsdStandard, xml: string): Promise<XsdResult> {
  const set = SCHEMA_SETS[standard];
  const files = await schemaFiles(standard);
  let output: string;
  try {
    const result = await validateXML({
      xml: [{ fileName: DOCUMENT_NAME, contents: xml }],
      schema: [files.schema],
      preload: files.preload,
    });
    if (result.valid) return { valid: true, errors: [] };
    output = result.rawOutput;
  } catch (err) {
    // xmllint-wasm rejects on exit codes other than valid/invalid, e.g. some parser failures.
    output = err instanceof Error ? err.message : String(err);
  }
  const all = parseOutput(output);
  if (all.length === 0 || output.includes('failed to compile')) throw new Error(`XML schema validation failed to run: ${output.trim()}`);
  const unchecked = set.unchecked;
  const errors = unchecked ? all.filter((e) => !isUndeclaredIn(unchecked, e)) : all;
  return { valid: errors.length === 0, errors };
}

function schemaFiles(standard: XsdStandard): Promise<SchemaFiles> {
  let pending = cache.get(standard);
  if (!pending) {
    pending = loadSchemaFiles(standard);
    pending.catch(() => cache.delete(standard));
    cache.set(standard, pending);
  }
  return pending;
}

async function loadSchemaFiles(standard: XsdStandard): Promise<SchemaFiles> {
  const set = SCHEMA_SETS[standard];
  const read = async (rel: string): Promise<XMLFileInfo> => ({
    // Named by the path relative to schemas/, so the driver's "../x/y.xsd" imports resolve.
    fileName: rel,
    contents: await fs.readFile(path.join(SCHEMAS_DIR, rel), 'utf8'),
  });
  const preloadNames = (await Promise.all(set.preload.map(listSchemaFiles))).flat();
  const [schema, ...preload] = await Promise.all([set.driver, ...preloadNames].map(read));
  if (!schema) throw new Error(`schema driver missing for ${standard}`);
  return { schema, preload };
}

async function listSchemaFiles(rel: string): Promise<string[]> {
  const full = path.join(SCHEMAS_DIR, rel);
  const stat = await fs.stat(full);
  if (!stat.isDirectory()) return [rel];
  const entries = await fs.readdir(full, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? listSchemaFiles(`${rel}/${e.name}`) : /\.(xsd|dtd)$/.test(e.name) ? [`${rel}/${e.name}`] : [],
    ),
  );
  return nested.flat();
}

/** Runs on tidied messages: the unchecked namespace has no entry in PREFIXES, so it stays `{uri}`. */
function isUndeclaredIn(namespace: string, error: XsdError): boolean {
  return error.message.startsWith(`Element '{${namespace}}`) && error.message.includes('No matching global element');
}

const LOCATED = /^(.+?):(\d+): (.*)$/;

/** Keeps the document's errors; drops the expected "Skipping import" schema warnings and summaries. */
function parseOutput(output: string): XsdError[] {
  const errors: XsdError[] = [];
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trimEnd();
    if (!line || line.includes('Skipping import of schema')) continue;
    if (line === `${DOCUMENT_NAME} validates` || line === `${DOCUMENT_NAME} fails to validate`) continue;
    const m = LOCATED.exec(line);
    if (!m) {
      if (/error|fail/i.test(line)) errors.push({ message: line });
      continue;
    }
    const [, file, lineNo, rest = ''] = m;
    if (file !== DOCUMENT_NAME) {
      if (/error/i.test(rest)) errors.push({ message: line });
      continue;
    }
    // A parser error is followed by the source line and a caret line: skip them.
    if (rest.includes('parser error')) i += 2;
    errors.push({ line: Number(lineNo), message: tidy(rest) });
  }
  return errors;
}

const PREFIXES: Record<string, string> = {
  'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp',
  'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp',
  'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp',
  'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp',
  'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq',
  'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav',
  'http://www.imsglobal.org/xsd/imsss': 'imsss',
  'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd': 'cmi5',
  'urn:oasis:names:tc:xliff:document:2.0': 'xlf',
  'urn:oasis:names:tc:xliff:document:1.2': 'xlf',
};

/** "element x: Schemas validity error : Element '{ns}x': ..." → "Element 'imscp:x': ..." */
function tidy(message: string): string {
  return message
    .replace(/^element [^:]+: /, '')
    .replace(/^(Schemas validity error|parser error) : /, (_m, kind: string) => (kind === 'parser error' ? 'not well-formed XML: ' : ''))
    .replace(/\{([^}]+)\}(?=[A-Za-z_])/g, (whole, ns: string) => (PREFIXES[ns] ? `${PREFIXES[ns]}:` : whole));
}
