import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Inline SVG diagrams go into the page itself, so they are rebuilt from an allow-list: drawing
 * elements and presentation attributes only. Scripts, event handlers, <foreignObject>, <style>,
 * links, external references (href or url() to anything but a fragment of the same file) and
 * unknown elements (editor metadata) are dropped with everything inside them.
 */
const ELEMENTS = new Set(
  'svg g defs title desc symbol use path rect circle ellipse line polyline polygon text tspan textPath linearGradient radialGradient stop clipPath mask pattern marker filter feBlend feColorMatrix feComponentTransfer feComposite feFlood feGaussianBlur feMerge feMergeNode feMorphology feOffset feDropShadow feFuncA feFuncR feFuncG feFuncB'.split(' '),
);
const ATTRIBUTES = new Set(
  ('id class viewBox preserveAspectRatio width height x y x1 y1 x2 y2 cx cy r rx ry fx fy d points pathLength transform ' +
    'fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin stroke-dasharray stroke-dashoffset stroke-miterlimit ' +
    'opacity color display visibility clip-path clip-rule mask filter marker-start marker-mid marker-end markerWidth markerHeight markerUnits refX refY orient ' +
    'font-family font-size font-weight font-style text-anchor dominant-baseline alignment-baseline letter-spacing word-spacing dx dy rotate textLength lengthAdjust ' +
    'offset stop-color stop-opacity gradientUnits gradientTransform spreadMethod patternUnits patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits ' +
    'filterUnits primitiveUnits in in2 result stdDeviation mode operator k1 k2 k3 k4 values type tableValues slope intercept amplitude exponent flood-color flood-opacity radius ' +
    'direction unicode-bidi writing-mode href xlink:href style vector-effect shape-rendering text-rendering paint-order xml:space').split(' '),
);
const REFERENCE_ATTRIBUTES = new Set(['href', 'xlink:href']);
const ATTR = '@_';

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: ATTR, processEntities: false, trimValues: false, commentPropName: '#comment' });
const builder = new XMLBuilder({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: ATTR, processEntities: false, suppressEmptyNode: true });

/** A url(...) that points anywhere but inside this document: a network request or a data: payload. */
const EXTERNAL_URL = /url\(\s*['"]?(?!#)/i;

function safeStyle(style: string): string {
  return style
    .split(';')
    .filter((d) => d.trim() && !EXTERNAL_URL.test(d) && !/expression\s*\(|@import|javascript:/i.test(d))
    .join(';');
}

function cleanAttributes(attrs: Record<string, string> | undefined, idPrefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(attrs ?? {})) {
    const name = key.slice(ATTR.length);
    if (!ATTRIBUTES.has(name)) continue;
    let value = String(raw);
    if (REFERENCE_ATTRIBUTES.has(name)) {
      if (!value.startsWith('#')) continue;
      value = `#${idPrefix}${value.slice(1)}`;
    } else if (name === 'id') value = `${idPrefix}${value}`;
    else if (name === 'style') value = safeStyle(value);
    else if (EXTERNAL_URL.test(value)) continue;
    // url(#x) references follow the ids, which are prefixed so two diagrams on a page cannot clash.
    value = value.replace(/url\(\s*(['"]?)#/g, `url($1#${idPrefix}`);
    out[`${ATTR}${name === 'xlink:href' ? 'href' : name}`] = value;
  }
  return out;
}

function cleanNodes(nodes: XmlNode[], idPrefix: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    if ('#text' in node) {
      out.push({ '#text': node['#text'] });
      continue;
    }
    const tag = Object.keys(node).find((k) => k !== ':@');
    // A link's drawing stays; the link (somewhere to go from inside a figure) does not.
    if (tag === 'a' || tag === 'switch') out.push(...cleanNodes((node[tag] as XmlNode[]) ?? [], idPrefix));
    if (!tag || !ELEMENTS.has(tag)) continue;
    const children = cleanNodes((node[tag] as XmlNode[]) ?? [], idPrefix);
    const cleaned: XmlNode = { [tag]: children };
    const attrs = cleanAttributes(node[':@'] as Record<string, string> | undefined, idPrefix);
    if (Object.keys(attrs).length) cleaned[':@'] = attrs;
    out.push(cleaned);
  }
  return out;
}

export interface SvgProblem {
  line: number;
  column: number;
  message: string;
}

/** Where an SVG file is not well-formed XML, or has no <svg> root: a browser would not draw it. */
export function checkSvg(text: string): SvgProblem | undefined {
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) return { line: verdict.err.line, column: verdict.err.col, message: verdict.err.msg };
  if (!parser.parse(text).some((n: XmlNode) => 'svg' in n)) return { line: 1, column: 1, message: 'the file has no <svg> element' };
  return undefined;
}

export interface InlineSvgOptions {
  /** Prefix for every id in the drawing, unique on the page. */
  idPrefix: string;
  /** Id of the element that names the drawing (aria-labelledby), and of its long description. */
  labelledBy: string;
  describedBy?: string;
}

/**
 * The sanitised <svg> element, ready to place in a page: role="img", named and described by the
 * page's own text (the drawing's own <title>/<desc> are dropped: the alt text and the long
 * description are what the author wrote for the course). Scales to the column width.
 */
export function inlineSvg(text: string, options: InlineSvgOptions): string {
  const root = (parser.parse(text) as XmlNode[]).find((n) => 'svg' in n);
  if (!root) return '';
  const svg = cleanNodes([root], options.idPrefix)[0]!;
  const attrs = (svg[':@'] ?? {}) as Record<string, string>;
  const [w, h] = [attrs[`${ATTR}width`], attrs[`${ATTR}height`]];
  if (!attrs[`${ATTR}viewBox`] && w && h && /^[\d.]+(px)?$/.test(w) && /^[\d.]+(px)?$/.test(h)) attrs[`${ATTR}viewBox`] = `0 0 ${parseFloat(w)} ${parseFloat(h)}`;
  delete attrs[`${ATTR}id`];
  const named: Record<string, string> = { [`${ATTR}xmlns`]: 'http://www.w3.org/2000/svg', ...attrs, [`${ATTR}role`]: 'img', [`${ATTR}aria-labelledby`]: options.labelledBy, [`${ATTR}focusable`]: 'false' };
  if (options.describedBy) named[`${ATTR}aria-describedby`] = options.describedBy;
  const children = (svg.svg as XmlNode[]).filter((n) => !('title' in n) && !('desc' in n));
  return builder.build([{ svg: children, ':@': named }]) as string;
}
