import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';

/** The real readers: LibreOffice (installed by scripts/ensure-system-packages.js) and poppler. */
const SOFFICE = '/usr/bin/soffice';

export function requireReaders(): void {
  for (const program of [SOFFICE, '/usr/bin/pdftotext', '/usr/bin/pdftoppm']) {
    if (!existsSync(program)) throw new Error(`${program} is missing: run "node scripts/ensure-system-packages.js" (as root it installs LibreOffice and poppler-utils)`);
  }
}

/**
 * Converts every file to PDF in one LibreOffice run, with a profile of its own so parallel runs on the
 * machine do not share (and lock) one. Returns the PDF path of each input.
 */
export function toPdf(files: readonly string[]): Map<string, string> {
  const out = mkdtempSync(path.join(tmpdir(), 'cp-pdf-'));
  const profile = mkdtempSync(path.join(tmpdir(), 'cp-lo-'));
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], { stdio: 'pipe', timeout: 1_500_000 });
  return new Map(files.map((f) => [f, path.join(out, `${path.basename(f, path.extname(f))}.pdf`)]));
}

export const pdfText = (pdf: string, ...args: string[]): string => execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8' });

export function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
}

/** Words of one page with their boxes, from pdftotext -bbox. */
export function pdfWords(pdf: string, page: number): { text: string; xMin: number; xMax: number; pageWidth: number }[] {
  const html = pdfText(pdf, '-bbox', '-f', String(page), '-l', String(page));
  const pageWidth = Number(/<page width="([\d.]+)"/.exec(html)?.[1]);
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((m) => ({ text: m[3]!, xMin: Number(m[1]), xMax: Number(m[2]), pageWidth }));
}

const opened = new Map<string, Promise<JSZip>>();
const open = (file: string): Promise<JSZip> => {
  if (!opened.has(file)) opened.set(file, JSZip.loadAsync(readFileSync(file)));
  return opened.get(file)!;
};

/** The text runs (<a:t>, <w:t>) of one part of an Office file. */
export async function partTexts(file: string, name: string): Promise<string[]> {
  const xml = await part(file, name);
  return [...xml.matchAll(/<[aw]:t(?: [^>]*)?>([^<]*)<\/[aw]:t>/g)].map((m) => m[1]!.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
}

export async function parts(file: string): Promise<string[]> {
  return Object.keys((await open(file)).files);
}

export async function part(file: string, name: string): Promise<string> {
  return (await (await open(file)).file(name)?.async('string')) ?? '';
}
