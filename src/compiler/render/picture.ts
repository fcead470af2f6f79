import { encodePath } from '../links';
import { markdown } from '../markdown';
import type { ImageAsset } from '../media';

const escape = markdown.utils.escapeHtml;

/**
 * Display width of a content image: the 48rem column less its padding, or the screen less the page
 * padding on phones. The browser picks the narrowest variant that covers it at the screen's density.
 */
export const CONTENT_SIZES = '(min-width: 48rem) 45.5rem, calc(100vw - 2.5rem)';

export interface PictureOptions {
  /** Below the first screen: the browser fetches it only when it comes near the viewport. */
  lazy: boolean;
  sizes?: string;
  className?: string;
}

/**
 * A <picture> with modern-format sources and a fallback <img>, width and height set so its space is
 * reserved before it loads. An image without variants (SVG, GIF) is a plain <img>.
 */
export function pictureHtml(image: ImageAsset | undefined, src: string, alt: string, options: PictureOptions): string {
  const sizes = options.sizes ?? CONTENT_SIZES;
  const attrs = [
    `src="${escape(image ? encodePath(image.src) : src)}"`,
    image?.srcset && `srcset="${escape(image.srcset)}" sizes="${sizes}"`,
    image?.width && `width="${image.width}" height="${image.height}"`,
    `alt="${escape(alt)}"`,
    options.lazy ? 'loading="lazy" decoding="async"' : '',
    options.className && `class="${options.className}"`,
  ].filter(Boolean);
  const img = `<img ${attrs.join(' ')}>`;
  if (!image?.sources.length) return img;
  const sources = image.sources.map((s) => `<source type="${s.type}" srcset="${escape(s.srcset)}" sizes="${sizes}">`).join('');
  return `<picture>${sources}${img}</picture>`;
}
