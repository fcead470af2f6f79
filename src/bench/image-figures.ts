import { encodeImage } from '../compiler/media/encode-image';
import type { ImageFigures } from './figures';
import { syntheticPhoto } from './synthetic-photo';

/** What the media stage makes of a 1280 px photo: bytes shipped per width, and the time to encode. */
export async function measureImage(): Promise<ImageFigures> {
  const photo = await syntheticPhoto(1280, 853);
  const started = process.hrtime.bigint();
  const image = await encodeImage(photo);
  const encodeMs = Number(process.hrtime.bigint() - started) / 1e6;
  const variants = [...image.modern, image.fallback].map((v) => ({ format: v.format, width: v.width, bytes: v.bytes.length }));
  return { sourceWidth: image.width, sourceBytes: photo.length, variants, encodeMs };
}
