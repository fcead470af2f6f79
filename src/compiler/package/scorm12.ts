import { SCORM12 } from '../../standards';
import type { CourseModel } from '../model';
import type { PackageWriter } from './writer';
import { buildXml, scoResource } from './xml';
import { schemaFiles, schemaLocationFiles } from './schema-files';

/** SCORM 1.2: one SCO, every file listed, adlcp:masteryscore when the course has a quiz. */
export const scorm12Writer: PackageWriter = {
  target: 'scorm12',
  runtime: 'scorm12',
  label: 'SCORM 1.2',
  suspendLimit: SCORM12.limits.suspendData,
  standardFiles(model: CourseModel, contentFiles) {
    const item: Record<string, unknown> = {
      '@_identifier': 'ITEM-1',
      '@_identifierref': 'RES-SCO',
      '@_isvisible': 'true',
      title: model.title,
    };
    if (model.masteryScore !== undefined) item['adlcp:masteryscore'] = String(Math.round(model.masteryScore));
    const schemaLocation = `${SCORM12.namespaces.imscp} imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd ${SCORM12.namespaces.adlcp} adlcp_rootv1p2.xsd`;
    const manifest = buildXml({
      manifest: {
        '@_identifier': `${model.id}-${model.lang}`,
        '@_version': model.version,
        '@_xmlns': SCORM12.namespaces.imscp,
        '@_xmlns:adlcp': SCORM12.namespaces.adlcp,
        '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        '@_xsi:schemaLocation': schemaLocation,
        metadata: { schema: 'ADL SCORM', schemaversion: SCORM12.schemaVersion },
        organizations: {
          '@_default': 'ORG-1',
          organization: { '@_identifier': 'ORG-1', title: model.title, item },
        },
        resources: scoResource(contentFiles, 'adlcp:scormtype'),
      },
    });
    return new Map<string, string | Buffer>([['imsmanifest.xml', manifest], ...schemaFiles('scorm12', schemaLocationFiles(schemaLocation))]);
  },
};
