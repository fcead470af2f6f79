import JSZip from 'jszip';

/**
 * Same files → byte-identical zip: entries sorted, one fixed timestamp (built from local-time fields,
 * because the zip format stores local DOS time), fixed permissions, maximum compression.
 */
const FIXED_DATE = new Date(2020, 0, 1, 0, 0, 0);

export async function zipFiles(files: ReadonlyMap<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const name of [...files.keys()].sort()) {
    zip.file(name, files.get(name)!, { date: FIXED_DATE, createFolders: false, unixPermissions: 0o644 });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'UNIX' });
}
