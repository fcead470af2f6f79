import { readFileSync } from 'node:fs';
import path from 'node:path';

/** build/runtime/ at the repo root, where scripts/build-runtime.js writes one bundle per standard. */
export const RUNTIME_DIR = path.join(__dirname, '..', '..', '..', 'build', 'runtime');

const cache = new Map<string, string>();

/** The runtime of a standard followed by the behaviour of the block families the course uses. */
export function runtimeWithBlocks(name: string, blockScripts: readonly string[]): string {
  return [runtimeBundle(name), ...blockScripts.map((s) => runtimeBundle(`blocks/${s}`))].join('\n');
}

/** The built runtime for a standard; the compiler embeds it as a file and never imports its source. */
export function runtimeBundle(name: string): string {
  let code = cache.get(name);
  if (code === undefined) {
    try {
      code = readFileSync(path.join(RUNTIME_DIR, `${name}.js`), 'utf8');
    } catch {
      throw new Error(`runtime bundle "${name}" is missing from ${RUNTIME_DIR}: run "npm run compile" first`);
    }
    cache.set(name, code);
  }
  return code;
}
