import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Diagnostics } from '../../diagnostics';
import { encodePath } from '../links';
import { encodeImage, measureImage, type EncodedImage, type EncodedVariant } from './encode-image';
import type { ImageAsset, MediaLibrary } from './library';
import { checkSvg } from './svg';

export type { ImageAsset, MediaLibrary } from './library';
export { EMPTY_LIBRARY } from './library';

/** Raster formats re-encoded at build time; anything else (SVG, animated GIF) ships as it is. */
const RASTER = /\.(jpe?g|png|webp|avif|tiff?)$/i;
/** Folder of the package that holds encoded variants, apart from the course's own files. */
export const VARIANT_DIR = 'cp-media';

/**
 * Encoded images by content hash, for the life of the process: every language and all five targets
 * of a build share one encoding, and the preview server re-encodes only images that changed.
 */
const encoded = new Map<string, Promise<EncodedImage>>();

function encodeOnce(bytes: Buffer): Promise<EncodedImage> {
  const key = createHash('sha256').update(bytes).digest('hex');
  let image = encoded.get(key);
  if (!image) {
    encoded.set(key, (image = encodeImage(bytes)));
    image.catch(() => encoded.delete(key));
  }
  return image;
}

const MIME = { webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' } as const;

function variantPath(source: string, v: EncodedVariant): string {
  return `${VARIANT_DIR}/${source.replace(/\.[^./]+$/, '')}-${v.width}.${v.format === 'jpeg' ? 'jpg' : v.format}`;
}

function placeEncoded(source: string, image: EncodedImage, files: Map<string, Buffer>): ImageAsset {
  const srcset = (variants: EncodedVariant[]) => variants.map((v) => `${encodePath(variantPath(source, v))} ${v.width}w`).join(', ');
  const all = [...image.modern, image.fallback];
  for (const v of all) files.set(variantPath(source, v), v.bytes);
  return {
    files: all.map((v) => variantPath(source, v)),
    source,
    width: image.width,
    height: image.height,
    src: variantPath(source, image.fallback),
    srcset: srcset([image.fallback]),
    sources: [{ type: MIME.webp, srcset: srcset(image.modern) }],
  };
}

/**
 * The media stage, between model and render: re-encodes every raster image the course shows into
 * responsive WebP widths plus one fallback, and measures the rest. An image that cannot be decoded is
 * a diagnostic on the file itself.
 */
export async function prepareMedia(sourceDir: string, imagePaths: Iterable<string>, diagnostics: Diagnostics): Promise<MediaLibrary> {
  const images = new Map<string, ImageAsset>();
  const files = new Map<string, Buffer>();
  const svg = new Map<string, string>();
  for (const source of [...new Set(imagePaths)].sort()) {
    const absolute = path.join(sourceDir, source);
    const display = path.relative(process.cwd(), absolute) || absolute;
    const bytes = await fs.readFile(absolute);
    if (/\.svg$/i.test(source)) {
      const text = bytes.toString('utf8');
      const problem = checkSvg(text);
      if (problem) diagnostics.error(display, problem.line, 'media/malformed-svg', `SVG: ${problem.message}`, 'save it again from the drawing program as plain SVG', problem.column);
      else svg.set(source, text);
    }
    if (!RASTER.test(source)) {
      files.set(source, bytes);
      images.set(source, { source, src: source, sources: [], files: [source], ...(await measureImage(bytes)) });
      continue;
    }
    try {
      images.set(source, placeEncoded(source, await encodeOnce(bytes), files));
    } catch (error) {
      diagnostics.error(display, 1, 'media/unreadable-image', `cannot decode this image: ${(error as Error).message}`, 'save it again as JPEG, PNG or WebP from an image editor');
    }
  }
  return { images, files, svg };
}
