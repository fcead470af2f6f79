import type SharpModule from 'sharp';

/**
 * libvips loads in tens of milliseconds (more on a busy machine): a course without images, like
 * the flagship, never pays for it.
 */
let loaded: typeof SharpModule | undefined;
const sharp: typeof SharpModule = ((...args: Parameters<typeof SharpModule>) => (loaded ??= require('sharp') as typeof SharpModule)(...args)) as typeof SharpModule;

/** One encoded file of an image: a width in one format. */
export interface EncodedVariant {
  width: number;
  height: number;
  format: 'webp' | 'jpeg' | 'png';
  bytes: Buffer;
}

export interface EncodedImage {
  /** Intrinsic size after EXIF orientation, for width/height attributes (no layout shift). */
  width: number;
  height: number;
  /** WebP at each width of the ladder, narrowest first. */
  modern: EncodedVariant[];
  /** One file in the source's own family (JPEG, or PNG when it has transparency) for old browsers. */
  fallback: EncodedVariant;
}

/**
 * Widths a course image is offered at. The content column is 48rem (768 px) wide, so 1600 covers it at
 * twice the pixel density; 480 is a phone at 1x. A rung within 15 % of the source width is dropped in
 * favour of the source width itself, so a 1280 px photo gives 480, 800 and 1280.
 */
export const LADDER = [480, 800, 1200, 1600] as const;
export const FALLBACK_WIDTH = 800;

export function ladderFor(sourceWidth: number): number[] {
  const widths: number[] = LADDER.filter((w) => w < sourceWidth * 0.85);
  if (sourceWidth <= LADDER[LADDER.length - 1]!) widths.push(sourceWidth);
  else if (!widths.includes(LADDER[LADDER.length - 1]!)) widths.push(LADDER[LADDER.length - 1]!);
  return widths;
}

// Quality settings chosen so a 1280 px photo at 800 px wide stays well under the 150 KB budget
// (src/bench/budgets.ts) while showing no visible banding in photos and screenshots.
const WEBP = { quality: 72, effort: 4, smartSubsample: true } as const;
const JPEG = { quality: 74, mozjpeg: true, progressive: true } as const;

/**
 * Resizes and re-encodes one raster image. Metadata (EXIF, GPS) is stripped, colour converted to sRGB,
 * and the same bytes in give the same bytes out, so zips stay byte-identical between builds.
 */
export async function encodeImage(input: Buffer): Promise<EncodedImage> {
  const base = sharp(input, { failOn: 'error' }).autoOrient();
  const meta = await sharp(input).metadata();
  const swap = (meta.orientation ?? 1) >= 5;
  const width = (swap ? meta.height : meta.width) ?? 0;
  const height = (swap ? meta.width : meta.height) ?? 0;
  const resized = (w: number) => base.clone().resize({ width: w, withoutEnlargement: true });
  const sizeAt = (w: number) => ({ width: w, height: Math.round((height * w) / width) });
  const modern = await Promise.all(
    ladderFor(width).map(async (w) => ({ ...sizeAt(w), format: 'webp' as const, bytes: await resized(w).webp(WEBP).toBuffer() })),
  );
  const fallbackWidth = Math.min(FALLBACK_WIDTH, width);
  const png = Boolean(meta.hasAlpha) || meta.format === 'png' || meta.format === 'gif';
  const fallbackBytes = png ? await resized(fallbackWidth).png({ compressionLevel: 9, palette: false }).toBuffer() : await resized(fallbackWidth).jpeg(JPEG).toBuffer();
  return { width, height, modern, fallback: { ...sizeAt(fallbackWidth), format: png ? 'png' : 'jpeg', bytes: fallbackBytes } };
}

/** Width and height of an image that is shipped as it is (SVG, GIF), for its width/height attributes. */
export async function measureImage(input: Buffer): Promise<{ width: number; height: number } | undefined> {
  const meta = await sharp(input).metadata().catch(() => undefined);
  return meta?.width && meta.height ? { width: meta.width, height: meta.height } : undefined;
}
