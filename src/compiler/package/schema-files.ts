import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** schemas/ at the repo root: the official XSDs, shipped inside SCORM packages as the standard expects. */
export const SCHEMA_DIR = path.join(__dirname, '..', '..', '..', 'schemas');

const cache = new Map<string, Map<string, Buffer>>();

/** Every .xsd/.dtd under schemas/<folder>, keyed by path relative to it; driver schemas excluded. */
export function schemaFiles(folder: string, exclude: (file: string) => boolean = () => false): Map<string, Buffer> {
  const key = folder;
  const hit = cache.get(key);
  if (hit) return new Map([...hit].filter(([f]) => !exclude(f)));
  const out = new Map<string, Buffer>();
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(SCHEMA_DIR, folder, rel))) {
      const file = rel ? `${rel}/${name}` : name;
      const abs = path.join(SCHEMA_DIR, folder, file);
      if (statSync(abs).isDirectory()) walk(file);
      else if (/\.(xsd|dtd)$/.test(name) && !name.startsWith('all-') && !name.includes('driver')) out.set(file, readFileSync(abs));
    }
  };
  walk('');
  cache.set(key, out);
  return new Map([...out].filter(([f]) => !exclude(f)));
}
