import type { TargetId } from '../../schema';
import { cmi5Writer } from './cmi5';
import { scorm12Writer } from './scorm12';
import { scorm2004Writer } from './scorm2004';
import { webWriter } from './web';
import { xapiWriter } from './xapi';
import type { PackageWriter } from './writer';

/** The one place a package target is registered. */
export const writers: Partial<Record<TargetId, PackageWriter>> = {
  scorm12: scorm12Writer,
  scorm2004: scorm2004Writer,
  xapi: xapiWriter,
  cmi5: cmi5Writer,
  web: webWriter,
};
