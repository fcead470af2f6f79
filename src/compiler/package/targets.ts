import type { KitTargetId, TargetId } from '../../schema';
import { cmi5Writer } from './cmi5';
import { guideWriter } from './guide';
import { handoutsWriter } from './handouts';
import { scorm12Writer } from './scorm12';
import { scorm2004Writer } from './scorm2004';
import { slidesWriter } from './slides';
import { webWriter } from './web';
import { xapiWriter } from './xapi';
import type { KitWriter, PackageWriter } from './writer';

/** The one place a package target is registered. */
export const writers: Partial<Record<TargetId, PackageWriter>> = {
  scorm12: scorm12Writer,
  scorm2004: scorm2004Writer,
  xapi: xapiWriter,
  cmi5: cmi5Writer,
  web: webWriter,
};

/** The workshop kit's writers: built only when --target names them. */
export const kitWriters: Record<KitTargetId, KitWriter> = {
  slides: slidesWriter,
  guide: guideWriter,
  handouts: handoutsWriter,
};
