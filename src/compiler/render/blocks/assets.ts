import { readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { TEMPLATE_DIR } from '../templates';

const files = new Map<string, string>();
const sheets = new Map<string, string>();

function blockCss(name: string): string {
  let css = files.get(name);
  if (css === undefined) files.set(name, (css = readFileSync(path.join(TEMPLATE_DIR, 'styles', 'blocks', `${name}.css`), 'utf8')));
  return css;
}

/**
 * coursepack.css as shipped: the theme plus the stylesheets of the block families the course uses,
 * minified (comments and spaces are a quarter of the gzip bytes every learner downloads).
 */
export function siteStylesheet(theme: string, blockStyles: readonly string[]): string {
  const key = `${blockStyles.join(',')}\n${theme}`;
  let css = sheets.get(key);
  if (css === undefined) sheets.set(key, (css = transformSync(theme + blockStyles.map(blockCss).join(''), { loader: 'css', minify: true }).code));
  return css;
}
