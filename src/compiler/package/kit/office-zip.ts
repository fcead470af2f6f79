import { deflateRawSync } from 'node:zlib';

/**
 * A minimal deterministic zip writer on Node's native zlib, for the Office files of the workshop kit:
 * entries sorted, dated 2020-01-01 00:00, names marked UTF-8, as zip.ts does for the packages. A deck
 * holds hundreds of small parts (a slide, its notes, their relationships) and JavaScript deflate
 * (JSZip's pako, fflate) spent most of the kit's build time on them; native zlib takes a tenth.
 */
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The fields a local header and a central directory entry share, from "version needed" on. */
function common(crc: number, packed: number, size: number, nameLength: number): Buffer {
  const b = Buffer.alloc(26);
  b.writeUInt16LE(20, 0);
  b.writeUInt16LE(UTF8_NAMES, 2);
  b.writeUInt16LE(DEFLATE, 4);
  b.writeUInt16LE(0, 6); // time 00:00
  b.writeUInt16LE(DOS_DATE, 8);
  b.writeUInt32LE(crc, 10);
  b.writeUInt32LE(packed, 14);
  b.writeUInt32LE(size, 18);
  b.writeUInt16LE(nameLength, 22);
  return b; // extra field length stays 0
}

export function officeZip(files: Readonly<Record<string, Uint8Array>>): Buffer {
  const body: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const name of Object.keys(files).sort()) {
    const data = files[name]!;
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name, 'utf8');
    const shared = common(crc32(data), packed.length, data.length, nameBytes.length);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), shared, nameBytes, packed]);
    const tail = Buffer.alloc(14); // comment length, disk, internal attributes: 0
    tail.writeUInt32LE((0o100644 << 16) >>> 0, 6); // a regular file, rw-r--r--
    tail.writeUInt32LE(offset, 10);
    directory.push(Buffer.from([0x50, 0x4b, 0x01, 0x02, 20, 3]), shared, tail, nameBytes); // made by zip 2.0 on UNIX
    body.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(body.length, 8);
  end.writeUInt16LE(body.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...body, central, end]);
}
