import { XMLBuilder } from 'fast-xml-parser';
import { encodePath } from '../links';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, suppressBooleanAttributes: false });

/** Serialises a fast-xml-parser object tree with an XML declaration. */
export function buildXml(root: Record<string, unknown>): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...root }) as string;
}

/**
 * The single SCO resource both SCORM versions declare: launched at index.html, listing every file.
 * `scormTypeAttribute` is adlcp:scormtype in 1.2 and adlcp:scormType in 2004.
 */
export function scoResource(contentFiles: readonly string[], scormTypeAttribute: string): Record<string, unknown> {
  return {
    resource: {
      '@_identifier': 'RES-SCO',
      '@_type': 'webcontent',
      [`@_${scormTypeAttribute}`]: 'sco',
      '@_href': 'index.html',
      file: contentFiles.map((file) => ({ '@_href': encodePath(file) })),
    },
  };
}
