import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATE_DIR } from '../templates';

const cache = new Map<string, string>();

/** The stylesheets of the block families a course uses, appended to coursepack.css. */
export function blockStyles(names: readonly string[]): string {
  return names
    .map((name) => {
      let css = cache.get(name);
      if (css === undefined) cache.set(name, (css = readFileSync(path.join(TEMPLATE_DIR, 'styles', 'blocks', `${name}.css`), 'utf8')));
      return css;
    })
    .join('');
}
