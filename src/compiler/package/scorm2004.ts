import { SCORM2004 } from '../../standards';
import type { CourseModel } from '../model';
import type { PackageWriter } from './writer';
import { buildXml, scoResource } from './xml';
import { schemaFiles, schemaLocationFiles } from './schema-files';

/**
 * SCORM 2004 4th edition: one SCO whose completion and success are set by the content
 * (completionSetByContent/objectiveSetByContent, else SuccessFactors marks it complete on exit), with
 * the pass mark as the primary objective's minimum normalised measure (→ cmi.scaled_passing_score).
 */
export const scorm2004Writer: PackageWriter = {
  target: 'scorm2004',
  runtime: 'scorm2004',
  label: 'SCORM 2004 4th edition',
  suspendLimit: SCORM2004.limits.suspendData,
  standardFiles(model: CourseModel, contentFiles) {
    const ns = SCORM2004.namespaces;
    const sequencing: Record<string, unknown> = {};
    if (model.masteryScore !== undefined) {
      sequencing['imsss:objectives'] = {
        'imsss:primaryObjective': {
          '@_objectiveID': 'PRIMARY-OBJ',
          '@_satisfiedByMeasure': 'true',
          'imsss:minNormalizedMeasure': (model.masteryScore / 100).toFixed(4).replace(/0+$/, '').replace(/\.$/, '.0'),
        },
      };
    }
    sequencing['imsss:deliveryControls'] = { '@_tracked': 'true', '@_completionSetByContent': 'true', '@_objectiveSetByContent': 'true' };
    const schemaLocation = `${ns.imscp} imscp_v1p1.xsd ${ns.adlcp} adlcp_v1p3.xsd ${ns.adlseq} adlseq_v1p3.xsd ${ns.adlnav} adlnav_v1p3.xsd ${ns.imsss} imsss_v1p0.xsd`;
    const manifest = buildXml({
      manifest: {
        '@_identifier': `${model.id}-${model.lang}`,
        '@_version': model.version,
        '@_xmlns': ns.imscp,
        '@_xmlns:adlcp': ns.adlcp,
        '@_xmlns:adlseq': ns.adlseq,
        '@_xmlns:adlnav': ns.adlnav,
        '@_xmlns:imsss': ns.imsss,
        '@_xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        '@_xsi:schemaLocation': schemaLocation,
        metadata: { schema: 'ADL SCORM', schemaversion: SCORM2004.schemaVersion },
        organizations: {
          '@_default': 'ORG-1',
          organization: {
            '@_identifier': 'ORG-1',
            title: model.title,
            item: { '@_identifier': 'ITEM-1', '@_identifierref': 'RES-SCO', title: model.title, 'imsss:sequencing': sequencing },
          },
        },
        resources: scoResource(contentFiles, 'adlcp:scormType'),
      },
    });
    return new Map<string, string | Buffer>([['imsmanifest.xml', manifest], ...schemaFiles('scorm2004-4th', schemaLocationFiles(schemaLocation))]);
  },
};
