import { worstCaseLength } from '../../bookmark/codec';
import type { CourseModel } from '../model';
import type { RenderedSite } from '../render';
import { LMS_NOTES, lmsNotes } from './lms-notes';
import { runtimeWithBlocks } from './runtime-bundle';
import type { PackageWriter } from './writer';
import { extendZip, zipFiles } from './zip';

export { kitWriters, writers } from './targets';
export type { KitDocument, KitWriter, PackageWriter } from './writer';

/** One zip, in memory until build() writes every package at once. */
export interface PackageResult {
  target: string;
  lang: string;
  fileName: string;
  zip: Buffer;
  /** Longest bookmark the runtime can write, and the standard's limit. */
  suspendData: { worstCase: number; limit?: number };
}

export function worstCaseSuspend(model: CourseModel): number {
  return worstCaseLength({ hash: model.structureHash, pageCount: model.pages.length, shapes: model.questions.map((q) => q.shape), blockCount: model.trackedBlocks.length });
}

/** A rendered language, compressed once and shared by every target's package. */
const siteZips = new WeakMap<RenderedSite, Promise<Buffer>>();

function siteZip(site: RenderedSite): Promise<Buffer> {
  let zip = siteZips.get(site);
  if (!zip) siteZips.set(site, (zip = zipFiles(site.files)));
  return zip;
}

/** Adds the standard's runtime, manifest, a coursepack.json descriptor and LMS-NOTES.html to the site's zip. */
export async function writePackage(model: CourseModel, site: RenderedSite, writer: PackageWriter, fileName: string): Promise<PackageResult> {
  const files = new Map<string, string | Buffer>();
  files.set('coursepack.js', runtimeWithBlocks(writer.runtime, model.blockAssets.scripts));
  const suspendData = { worstCase: worstCaseSuspend(model), limit: writer.suspendLimit };
  files.set('coursepack.json', JSON.stringify({ generator: 'coursepack', course: model.id, version: model.version, language: model.lang, standard: writer.target, suspendData }, null, 2));
  files.set(LMS_NOTES, lmsNotes(model, writer, suspendData));
  const content = [...site.files.keys(), ...files.keys()].sort();
  for (const [name, body] of writer.standardFiles(model, content)) files.set(name, body);
  return { target: writer.target, lang: model.lang, fileName, zip: await extendZip(await siteZip(site), files), suspendData };
}
