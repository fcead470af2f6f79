/**
 * A package given as a zip, read in memory with jszip: nothing is extracted to disk, so hostile
 * entry names (zip-slip) can be reported without ever being written.
 */
import { promises as fs } from 'node:fs';
import JSZip from 'jszip';
import { PackageUnreadableError } from './errors';
import type { Limits, PackageEntry, PackageSource } from './source';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export async function openZip(file: string, bytes: number, limits: Limits): Promise<PackageSource> {
  if (bytes > limits.maxZipBytes) {
    throw new PackageUnreadableError('zip-too-large', file, `${file} is ${mb(bytes)}, over the ${mb(limits.maxZipBytes)} the checker reads`);
  }
  const data = await fs.readFile(file);
  const zip = await load(file, data);
  const objects = Object.values(zip.files).filter((f) => !f.dir);
  if (objects.length > limits.maxEntries) {
    throw new PackageUnreadableError('too-many-entries', file, `${file} has ${objects.length} entries (limit ${limits.maxEntries})`);
  }
  const entries: PackageEntry[] = objects.map((f) => ({
    // jszip strips ".." from `name`; the original is what an LMS's unzip would see.
    path: f.unsafeOriginalName ?? f.name,
    size: declaredSize(f),
    symlink: typeof f.unixPermissions === 'number' && (f.unixPermissions & S_IFMT) === S_IFLNK,
  }));
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxTotalBytes) {
    throw new PackageUnreadableError(
      'zip-bomb',
      file,
      `${file} would expand to ${mb(total)}, over the ${mb(limits.maxTotalBytes)} limit`,
      'A package this large will not upload to most LMSes; if it is a real course, move large media to a streaming host.',
    );
  }
  const byPath = new Map(objects.map((f) => [f.unsafeOriginalName ?? f.name, f]));
  return {
    kind: 'zip',
    label: file,
    entries,
    zipBytes: bytes,
    read: (entryPath) => {
      const object = byPath.get(entryPath);
      if (!object) return Promise.reject(new Error(`not in the zip: ${entryPath}`));
      return readCapped(object, entryPath, limits.maxReadBytes);
    },
  };
}

async function load(file: string, data: Buffer): Promise<JSZip> {
  try {
    // No CRC check on load: it would decompress every entry (zip bombs).
    return await JSZip.loadAsync(data, { checkCRC32: false });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const looksLikeZip = data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
    if (/encrypted/i.test(reason)) {
      throw new PackageUnreadableError('encrypted-zip', file, `${file} is encrypted; LMSes cannot unpack it`, 'Zip the package without a password.');
    }
    if (!looksLikeZip) {
      throw new PackageUnreadableError(
        'not-a-zip',
        file,
        `${file} is not a zip file`,
        'Pass the package as a .zip file or as the folder that holds imsmanifest.xml, cmi5.xml or tincan.xml.',
      );
    }
    throw new PackageUnreadableError(
      'truncated-zip',
      file,
      `${file} is a damaged or incomplete zip (${reason.replace(/ : is this a zip file \?.*$/, '')})`,
      'The file was probably cut short while copying or downloading; build or download it again.',
    );
  }
}

/** jszip keeps the central directory's declared size in a private field; 0 when unknown. */
function declaredSize(object: JSZip.JSZipObject): number {
  const data = (object as unknown as { _data?: { uncompressedSize?: unknown } })._data;
  return typeof data?.uncompressedSize === 'number' && data.uncompressedSize > 0 ? data.uncompressedSize : 0;
}

/** Decompresses one entry, stopping as soon as it exceeds `cap` whatever the header claims. */
function readCapped(object: JSZip.JSZipObject, entryPath: string, cap: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stream = object.nodeStream('nodebuffer');
    const fail = (err: Error): void => {
      stream.removeAllListeners('data');
      stream.pause();
      reject(err);
    };
    stream.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > cap) {
        fail(new PackageUnreadableError('file-too-large', entryPath, `${entryPath} expands beyond ${mb(cap)}; refusing to read it`));
      } else {
        chunks.push(chunk);
      }
    });
    stream.on('error', (err: unknown) =>
      fail(
        new PackageUnreadableError('corrupt-entry', entryPath, `${entryPath} cannot be decompressed (${err instanceof Error ? err.message : String(err)})`),
      ),
    );
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function mb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
