import { strFromU8, strToU8, unzipSync } from 'fflate';
import { officeZip } from './office-zip';

/** The date every generated Office file claims, so the same course gives the same bytes. */
const FIXED = '2020-01-01T00:00:00Z';

/**
 * pptxgenjs and docx stamp the creation time into docProps/core.xml and every zip entry; re-zipping
 * with sorted entries, one fixed date and fixed core dates makes the file deterministic. fflate reads
 * them back (JSZip's streams were ten times slower on a deck's hundreds of small parts).
 */
export function normaliseOfficeFile(bytes: Buffer | Uint8Array | ArrayBuffer): Buffer {
  const parts = unzipSync(bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const core = parts['docProps/core.xml'];
  if (core) parts['docProps/core.xml'] = strToU8(strFromU8(core).replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${FIXED}$3`));
  for (const name of Object.keys(parts)) if (name.endsWith('/')) delete parts[name];
  return officeZip(parts);
}
