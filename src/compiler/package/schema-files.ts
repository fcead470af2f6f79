import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** schemas/ at the repo root: the official XSDs, shipped inside SCORM packages as the standard expects. */
export const SCHEMA_DIR = path.join(__dirname, '..', '..', '..', 'schemas');

const cache = new Map<string, Map<string, Buffer>>();

/** Local files a schema names: xs:import/xs:include schemaLocation, DOCTYPE and entity SYSTEM ids. */
function referencesIn(text: string): string[] {
  const found = [...text.matchAll(/schemaLocation\s*=\s*"([^"]+)"/g), ...text.matchAll(/<!(?:DOCTYPE|ENTITY)[^>]*?["']([^"']+\.dtd)["']/g)].map((m) => m[1]!);
  return found.filter((ref) => !/^[a-z]+:/i.test(ref));
}

/**
 * The schemas under schemas/<folder> that the manifest's xsi:schemaLocation (`roots`) reaches
 * through imports, includes and DTDs, keyed by path relative to the folder. Only those: a file the
 * manifest never uses would be an unlisted, unexplained file in the package (LOM's common/*.xsd
 * used to be shipped this way with no metadata that needs them).
 */
export function schemaFiles(folder: string, roots: readonly string[]): Map<string, Buffer> {
  const key = `${folder}:${roots.join(' ')}`;
  const hit = cache.get(key);
  if (hit) return new Map(hit);
  const out = new Map<string, Buffer>();
  const visit = (file: string) => {
    if (out.has(file)) return;
    const abs = path.join(SCHEMA_DIR, folder, file);
    if (!existsSync(abs)) throw new Error(`schemas/${folder}/${file} is referenced but missing`);
    const body = readFileSync(abs);
    out.set(file, body);
    for (const ref of referencesIn(body.toString('utf8'))) visit(path.posix.normalize(path.posix.join(path.posix.dirname(file), ref)));
  };
  roots.forEach(visit);
  cache.set(key, out);
  return new Map(out);
}

/** The schema files an xsi:schemaLocation value ("namespace file namespace file …") names. */
export function schemaLocationFiles(schemaLocation: string): string[] {
  return schemaLocation.trim().split(/\s+/).filter((_, i) => i % 2 === 1);
}
