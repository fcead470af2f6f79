import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ContentError, Diagnostics, type Diagnostic } from '../diagnostics';
import { kitTargetIds, type BuildTargetId, type KitTargetId, type TargetId } from '../schema';
import { loadSource } from './load/source';
import { prepareMedia } from './media';
import { buildModels, type CourseModel } from './model';
import { kitWriters, worstCaseSuspend, writePackage, writers, type KitDocument, type PackageResult } from './package';
import { writeLanguageBundle } from './package/language-picker';
import { renderSite } from './render';
import { validateCourse } from './validate';

export interface CompileOptions {
  /** Targets to build; default: the course's own list (never the workshop kit's slides, guide, handouts). */
  targets?: BuildTargetId[];
  /** Languages to build; default: every language of the course. */
  languages?: string[];
  /**
   * One package per target holding every (selected) language behind a language picker, named
   * <id>-<target>.zip, instead of one package per language and target. Ignored for one language.
   */
  bundleLanguages?: boolean;
}

/** --lang named a language the course does not have: a usage error, not a content error. */
export class UnknownLanguageError extends Error {
  constructor(readonly unknown: string[], readonly choices: string[]) {
    super(`unknown language ${unknown.join(', ')} (the course has ${choices.join(', ')})`);
  }
}

export interface CompileResult {
  diagnostics: Diagnostic[];
  models: CourseModel[];
  packages: PackageResult[];
  /** The workshop kit's decks and documents, when asked for. */
  documents: KitDocument[];
}

const isKit = (t: BuildTargetId): t is KitTargetId => (kitTargetIds as readonly string[]).includes(t);

/** load → validate → model → render → package, all in memory. Content errors throw ContentError. */
export async function compile(courseDir: string, options: CompileOptions = {}): Promise<CompileResult> {
  const source = await loadSource(courseDir);
  const { diagnostics, course } = validateCourse(source);
  if (!course) throw new ContentError(diagnostics.items);
  const missing = options.languages?.filter((l) => !course.spec.languages.includes(l));
  if (missing?.length) throw new UnknownLanguageError(missing, course.spec.languages);
  const models = buildModels(course).filter((m) => !options.languages || options.languages.includes(m.lang));
  const targets = (options.targets ?? course.spec.targets).filter((t): t is TargetId => !isKit(t));
  const kitTargets = (options.targets ?? []).filter(isKit);
  const later = new Diagnostics();
  for (const target of kitTargets) {
    if (kitWriters[target].needsWorkshop && !course.workshop) {
      later.error(source.courseFile.display, 1, 'target/no-workshop', `target "${target}" needs the deliveries of a workshop.yaml beside course.yaml`, 'see docs/workshop.md for its format');
    }
  }
  for (const target of targets) {
    const writer = writers[target];
    if (!writer) {
      later.error(source.courseFile.display, 1, 'target/unavailable', `target "${target}" is not available in this version`, `available: ${Object.keys(writers).join(', ')}`);
      continue;
    }
    for (const model of models) {
      const worst = worstCaseSuspend(model);
      if (writer.suspendLimit !== undefined && worst > writer.suspendLimit) {
        later.error(source.courseFile.display, 1, 'suspend-data/too-large', `${model.lang}: the ${writer.label} bookmark can reach ${worst} characters, over the standard's limit of ${writer.suspendLimit}`, 'lower maxLength of fill-in and open questions, or split the course into smaller modules');
      }
    }
  }
  // Every language shares one encoding of each image.
  const media = await prepareMedia(source.dir, models.flatMap((m) => m.images), later);
  if (later.hasErrors) throw new ContentError([...diagnostics.items, ...later.items]);
  const packages: PackageResult[] = [];
  if (options.bundleLanguages && models.length > 1) {
    const sites = [];
    for (const model of models) sites.push(await renderSite(model, media));
    for (const target of targets) packages.push(await writeLanguageBundle(models, sites, writers[target]!));
  } else {
    for (const model of models) {
      const site = await renderSite(model, media);
      for (const target of targets) {
        packages.push(await writePackage(model, site, writers[target]!, `${model.id}-${model.lang}-${target}.zip`));
      }
    }
  }
  const documents: KitDocument[] = [];
  for (const target of kitTargets) for (const model of models) documents.push(...(await kitWriters[target].write(model)));
  return { diagnostics: diagnostics.items, models, packages, documents };
}

/**
 * Compiles, then writes every zip and kit document atomically (temp file + rename) only once all packages are
 * ready, so a failed build never leaves a half-written or partial set of zips behind.
 */
export async function build(courseDir: string, outDir: string, options: CompileOptions = {}): Promise<CompileResult & { files: string[] }> {
  const result = await compile(courseDir, options);
  await fs.mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const outputs = [...result.packages.map((p) => ({ fileName: p.fileName, bytes: p.zip })), ...result.documents];
  for (const { fileName, bytes } of outputs) {
    const target = path.join(outDir, fileName);
    const temp = `${target}.${process.pid}.tmp`;
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, target);
    files.push(target);
  }
  return { ...result, files };
}
