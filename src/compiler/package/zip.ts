import JSZip from 'jszip';

/**
 * Same files → byte-identical zip: entries sorted, one fixed timestamp (built from local-time fields,
 * because the zip format stores local DOS time), fixed permissions, maximum compression.
 */
const FIXED_DATE = new Date(2020, 0, 1, 0, 0, 0);
const OPTIONS = { type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' } as const;

function addSorted(zip: JSZip, files: ReadonlyMap<string, string | Buffer>): void {
  for (const name of [...files.keys()].sort()) {
    zip.file(name, files.get(name)!, { date: FIXED_DATE, createFolders: false, unixPermissions: 0o644 });
  }
}

export async function zipFiles(files: ReadonlyMap<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  addSorted(zip, files);
  return zip.generateAsync(OPTIONS);
}

/**
 * Adds files to an existing zip. JSZip keeps the entries it loaded in their compressed form, so a
 * language's pages, compressed once, are reused by all five targets instead of deflated five times.
 */
export async function extendZip(base: Buffer, files: ReadonlyMap<string, string | Buffer>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  addSorted(zip, files);
  return zip.generateAsync(OPTIONS);
}
