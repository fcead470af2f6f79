/**
 * `coursepack translate export|import|status`: the course's text to and from XLIFF for
 * translators' CAT tools (src/translate/).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ContentError, formatDiagnostics } from '../diagnostics';
import { SourceNotFound } from '../compiler/load/source';
import { exportXliff, importPseudo, importXliff, PSEUDO_LANG, PSEUDO_RTL_LANG, translationStatus, UnreadableXliff, type XliffFormat } from '../translate';
import { EXIT, parseCommand, UsageError, unknownChoice, type CommandSpec, type ParsedArgs, type Streams } from './args';

const FORMATS = ['xliff2', 'xliff12'];

async function runExport({ values, positionals }: ParsedArgs, { out, err }: Streams): Promise<number> {
  const [dir, extra] = positionals;
  const lang = (values.to as string | undefined) ?? (values.pseudo ? (values.rtl ? PSEUDO_RTL_LANG : PSEUDO_LANG) : undefined);
  if (!dir || extra) throw new UsageError('export takes one course folder');
  if (!lang) throw new UsageError('export needs --to <lang> (or --pseudo)');
  const format = values.format as string;
  if (!FORMATS.includes(format)) throw new UsageError(unknownChoice('format', [format], FORMATS));
  const started = Date.now();
  const result = await exportXliff(dir, { lang, format: format as XliffFormat, pseudo: values.pseudo === true });
  const file = (values.out as string | undefined) ?? `${path.basename(path.resolve(dir))}.${lang}.xlf`;
  await fs.writeFile(file, result.xml);
  out.write(`${file}: ${result.units} units, ${result.translated} translated, ${result.outdated} outdated, ${result.units - result.translated - result.outdated} to translate (${Date.now() - started} ms)\n`);
  for (const page of result.skippedPages) err.write(`  note: ${page}: its blocks differ from the source language's, so its text was not offered as target\n`);
  return EXIT.ok;
}

async function runImport({ values, positionals }: ParsedArgs, { out }: Streams): Promise<number> {
  const [dir, file, extra] = positionals;
  if (!dir || extra || (!file && !values.pseudo)) throw new UsageError('import takes a course folder and an XLIFF file (or --pseudo)');
  const started = Date.now();
  const result = values.pseudo ? await importPseudo(dir, values.rtl === true) : await importXliff(dir, file!, { draft: values.draft === true });
  out.write(`${dir}: ${result.lang}: ${result.units} units into ${result.written.length} files (${Date.now() - started} ms)\n`);
  if (result.drafted) out.write(`  ${result.drafted} unit(s) had no translation and hold the source text for now (--draft)\n`);
  for (const f of result.written) out.write(`  ${path.join(dir, f)}\n`);
  return EXIT.ok;
}

async function runStatus({ values, positionals }: ParsedArgs, { out }: Streams): Promise<number> {
  const [dir, extra] = positionals;
  if (!dir || extra) throw new UsageError('status takes one course folder');
  const langs = typeof values.lang === 'string' ? values.lang.split(',').map((s) => s.trim()) : undefined;
  const statuses = await translationStatus(dir, langs);
  if (values.json) {
    out.write(`${JSON.stringify(statuses, null, 2)}\n`);
    return EXIT.ok;
  }
  if (statuses.length === 0) out.write(`${dir}: no target language yet (start one with "coursepack translate export ${dir} --to fr")\n`);
  for (const s of statuses) {
    out.write(`${s.lang}: ${s.units} units: ${s.translated} translated, ${s.missing} missing, ${s.outdated} outdated${s.tracked ? '' : ' (not tracked yet: import once to record what each translation was made from)'}\n`);
    for (const u of s.outdatedUnits) out.write(`  outdated: ${u}\n`);
  }
  return EXIT.ok;
}

const subcommands: Record<string, (args: ParsedArgs, streams: Streams) => Promise<number>> = { export: runExport, import: runImport, status: runStatus };

export const translateCommand: CommandSpec = {
  name: 'translate',
  synopsis: 'export|import|status <course-dir> [file.xlf] [options]',
  summary: 'the course\'s text to and from XLIFF 2.0 / 1.2 for translators\' CAT tools, and what is left to translate',
  description: [
    'coursepack translate export <course-dir> --to <lang> [--out <file>] [--format xliff2|xliff12]',
    '    every translatable string in one XLIFF file; the current translation, if any, as target',
    'coursepack translate import <course-dir> <file.xlf> [--draft]',
    '    writes lessons/<id>.<lang>.md, handouts and course.yaml text; refuses missing targets and',
    '    damaged tags, naming the unit and the XLIFF line (--draft: source text instead, counted)',
    'coursepack translate status <course-dir> [--lang fr,es] [--json]',
    '    per language: units translated, missing, and outdated (source changed since)',
    `--pseudo (export or import): accented, ~30 % longer text in ⟦ ⟧ as ${PSEUDO_LANG}; with --rtl ${PSEUDO_RTL_LANG}, right to left`,
    'See docs/translation.md.',
  ].join('\n'),
  options: {
    to: { type: 'string', value: 'lang', description: 'export: the target language, e.g. fr' },
    out: { type: 'string', value: 'file', description: 'export: the XLIFF file to write (default: <course>.<lang>.xlf)' },
    format: { type: 'string', value: 'format', default: 'xliff2', description: 'export: xliff2 or xliff12' },
    draft: { type: 'boolean', default: false, description: 'import: units without a target get the source text' },
    pseudo: { type: 'boolean', default: false, description: 'export/import: pseudo-localised text instead of a translation' },
    rtl: { type: 'boolean', default: false, description: 'with --pseudo: the right-to-left pseudo language' },
    lang: { type: 'string', value: 'langs', description: 'status: only these languages' },
    json: { type: 'boolean', default: false, description: 'status: print JSON' },
  },
  async run(args, streams) {
    const parsed = parseCommand(translateCommand, args);
    const [name, ...positionals] = parsed.positionals;
    const run = name ? subcommands[name] : undefined;
    if (!run) throw new UsageError(name ? `unknown subcommand "${name}" (export, import or status)` : 'choose export, import or status');
    try {
      return await run({ values: parsed.values, positionals }, streams);
    } catch (error) {
      if (error instanceof ContentError) {
        streams.err.write(`${formatDiagnostics(error.diagnostics)}\n${error.message}; nothing written\n`);
        return EXIT.content;
      }
      if (error instanceof SourceNotFound) throw new UsageError(error.message);
      if (error instanceof UnreadableXliff) {
        streams.err.write(`coursepack translate: ${error.message}\n`);
        return EXIT.content;
      }
      throw error;
    }
  },
};
