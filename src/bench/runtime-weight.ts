import { promises as fs } from 'node:fs';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import type { RuntimeWeight } from './figures';

/** What the browser downloads before the first page can show: the package's coursepack.js and .css. */
export async function runtimeWeight(zipFile: string): Promise<RuntimeWeight> {
  const zip = await JSZip.loadAsync(await fs.readFile(zipFile));
  const read = async (name: string) => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`${zipFile} has no ${name}`);
    return entry.async('nodebuffer');
  };
  const [js, css] = await Promise.all([read('coursepack.js'), read('coursepack.css')]);
  const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
  return { jsBytes: js.length, cssBytes: css.length, gzipBytes: gz(js) + gz(css) };
}
