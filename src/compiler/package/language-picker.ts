import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { encodePath } from '../links';
import type { CourseModel } from '../model';
import type { RenderedSite } from '../render';
import { withCsp } from '../render/csp';
import { loadTemplates, TEMPLATE_DIR } from '../render/templates';
import { worstCaseSuspend, type PackageResult } from './index';
import { LMS_NOTES, lmsNotes } from './lms-notes';
import { runtimeBundle, runtimeWithBlocks } from './runtime-bundle';
import type { PackageWriter } from './writer';
import { extendZip, zipFiles } from './zip';

/** Language of a package that holds several (ISO 639-2 "multiple languages"). */
export const BUNDLE_LANG = 'mul';

/** The SCORM API the picker stands in for, by target; other targets keep the language in the browser. */
const SCORM_API: Partial<Record<string, string>> = { scorm12: 'API', scorm2004: 'API_1484_11' };

let picker: { page: Handlebars.TemplateDelegate; script: string } | undefined;

/** The page from templates/, its script the bundle built from src/runtime/picker/ (never the source). */
function pickerFiles() {
  picker ??= {
    page: Handlebars.create().compile(readFileSync(path.join(TEMPLATE_DIR, 'layouts', 'picker.hbs'), 'utf8')),
    script: runtimeBundle('picker'),
  };
  return picker;
}

/** A language's name in its own script, capitalised where the script has case ("Français"). */
export function nativeName(lang: string): string {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

function pickerHtml(models: CourseModel[], writer: PackageWriter): string {
  const source = models[0]!;
  const languages = models.map((m) => ({ lang: m.lang, dir: m.dir, name: nativeName(m.lang), title: m.title, choose: m.strings.languagePicker }));
  const config = JSON.stringify({ course: source.id, api: SCORM_API[writer.target] ?? '' }).replace(/</g, '\\u003c');
  const logo = source.theme.logo && encodePath(`${source.lang}/${source.theme.logo}`);
  return withCsp(pickerFiles().page({ ...source, logo, languages, config }), { runtimeSetsConnect: false, framesOwnPages: true });
}

/** Every language's pages in their folders, compressed once and shared by every target's bundle. */
const bundleZips = new WeakMap<RenderedSite[], { names: string[]; zip: Promise<Buffer> }>();

function bundleZip(sites: RenderedSite[]): { names: string[]; zip: Promise<Buffer> } {
  let bundle = bundleZips.get(sites);
  if (!bundle) {
    const files = new Map<string, string | Buffer>([['picker.js', pickerFiles().script], ['coursepack.css', loadTemplates().css]]);
    for (const site of sites) for (const [name, body] of site.files) files.set(`${site.lang}/${name}`, body);
    bundleZips.set(sites, (bundle = { names: [...files.keys()], zip: zipFiles(files) }));
  }
  return bundle;
}

/**
 * One package for every language: index.html is the language picker, each language is the
 * complete rendered course in its own folder (<lang>/index.html with its own runtime copy, so its
 * relative links stay as in a one-language package). The manifest launches the picker.
 */
export async function writeLanguageBundle(models: CourseModel[], sites: RenderedSite[], writer: PackageWriter): Promise<PackageResult> {
  const source = models[0]!;
  const files = new Map<string, string | Buffer>([['index.html', pickerHtml(models, writer)]]);
  sites.forEach((site, i) => files.set(`${site.lang}/coursepack.js`, runtimeWithBlocks(writer.runtime, models[i]!.blockAssets.scripts)));
  const suspendData = { worstCase: Math.max(...models.map(worstCaseSuspend)), limit: writer.suspendLimit };
  const languages = models.map((m) => m.lang);
  files.set('coursepack.json', JSON.stringify({ generator: 'coursepack', course: source.id, version: source.version, language: BUNDLE_LANG, languages, standard: writer.target, suspendData }, null, 2));
  files.set(LMS_NOTES, lmsNotes(source, writer, suspendData, languages));
  const base = bundleZip(sites);
  const content = [...base.names, ...files.keys()].sort();
  for (const [name, body] of writer.standardFiles({ ...source, lang: BUNDLE_LANG }, content)) files.set(name, body);
  return { target: writer.target, lang: BUNDLE_LANG, fileName: `${source.id}-${writer.target}.zip`, zip: await extendZip(await base.zip, files), suspendData };
}
