/** What the render stage needs to place one course image: its files, its size, its formats. */
export interface ImageAsset {
  /** Course-relative path the author wrote. */
  source: string;
  /** Intrinsic size, for the width/height attributes that reserve its space before it loads. */
  width?: number;
  height?: number;
  /** Package path of the <img src> (the fallback variant, or the file itself when shipped as it is). */
  src: string;
  /** `srcset` of the <img>, in the fallback format; its paths percent-encoded (URLs, unlike src). */
  srcset?: string;
  /** <source> elements, modern formats first. */
  sources: { type: string; srcset: string }[];
  /** Package paths of every file this image ships as (its variants, or the file itself). */
  files: string[];
}

/** The media stage's output: every course image placed once, and the encoded files to ship. */
export interface MediaLibrary {
  images: ReadonlyMap<string, ImageAsset>;
  /** Package path → bytes, of every file an image ships as. */
  files: ReadonlyMap<string, Buffer>;
  /** Course path → text of each well-formed SVG, for diagrams placed inline (sanitised when placed). */
  svg: ReadonlyMap<string, string>;
}

export const EMPTY_LIBRARY: MediaLibrary = { images: new Map(), files: new Map(), svg: new Map() };
