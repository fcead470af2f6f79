import JSZip from 'jszip';
import { zipFiles } from '../zip';

/** The date every generated Office file claims, so the same course gives the same bytes. */
const FIXED = '2020-01-01T00:00:00Z';

/**
 * pptxgenjs and docx stamp the creation time into docProps/core.xml and every zip entry; re-zipping
 * through zipFiles (sorted entries, fixed dates) with fixed core dates makes the file deterministic.
 */
export async function normaliseOfficeFile(bytes: Buffer | Uint8Array | ArrayBuffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, string | Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    if (entry.name === 'docProps/core.xml') {
      const xml = await entry.async('string');
      files.set(entry.name, xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${FIXED}$3`));
    } else files.set(entry.name, await entry.async('nodebuffer'));
  }
  return zipFiles(files);
}
