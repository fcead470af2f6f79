import type { Run, Unit } from './unit';
import { mustKeep } from './xml-text';

/** What an export writes, whatever the XLIFF version. */
export interface ExportUnit {
  unit: Unit;
  /** The current translation, when the language already has one. */
  target?: Run[];
  /** The translation was made for an older source text (see state.ts). */
  outdated?: boolean;
}

export interface ExportFile {
  /** Course-relative path of the source-language file. */
  original: string;
  units: ExportUnit[];
}

export interface ExportDocument {
  srcLang: string;
  trgLang: string;
  files: ExportFile[];
}

/** What an import reads back. */
export interface ReadUnit {
  id: string;
  source: Run[];
  target?: Run[];
  /** Line of the unit in the XLIFF file. */
  line: number;
  /** Damaged inline codes, found while reading. */
  problems: string[];
}

export interface ReadFile {
  original: string;
  units: ReadUnit[];
}

export interface ReadDocument {
  version: '1.2' | '2.0';
  srcLang: string;
  trgLang: string;
  files: ReadFile[];
}

type Code = Exclude<Run, { kind: 'text' }>;
const codes = (runs: readonly Run[]): Code[] => runs.filter((r): r is Code => r.kind !== 'text');

/**
 * Gives a translation's codes the ids of the source codes they stand for (same type and
 * Markdown first, then same type), so a CAT tool shows them as the same tags; codes only the
 * translation has get ids of their own.
 */
export function alignCodes(source: readonly Run[], target: readonly Run[]): Run[] {
  const available = codes(source).filter((c) => c.kind !== 'close');
  const used = new Set<string>();
  const renamed = new Map<string, string>();
  let extra = 0;
  const pick = (c: Code) => available.find((s) => !used.has(s.id) && s.kind === c.kind && s.type === c.type && s.data === c.data) ?? available.find((s) => !used.has(s.id) && s.kind === c.kind && s.type === c.type);
  return target.map((r) => {
    if (r.kind === 'text') return r;
    if (r.kind === 'close') return { ...r, id: renamed.get(r.id) ?? r.id };
    const match = pick(r);
    const id = match ? match.id : `x${++extra}`;
    if (match) used.add(match.id);
    renamed.set(r.id, id);
    return { ...r, id };
  });
}

/** Codes of the source that the translation lost or changed the kind of. */
export function codeProblems(source: readonly Run[], target: readonly Run[]): string[] {
  const problems: string[] = [];
  const theirs = new Map<string, Code>();
  for (const c of codes(target)) {
    if (c.kind === 'close') continue;
    if (theirs.has(c.id)) problems.push(`inline code ${c.id} appears twice`);
    theirs.set(c.id, c);
  }
  for (const c of codes(source)) {
    if (c.kind === 'close') continue;
    const t = theirs.get(c.id);
    if (!t && mustKeep(c.type)) problems.push(`inline code ${c.id} (${c.type}) is missing`);
    if (t && t.kind !== c.kind) problems.push(`inline code ${c.id} (${c.type}) was changed from ${c.kind === 'ph' ? 'a placeholder' : 'a pair'} to ${t.kind === 'ph' ? 'a placeholder' : 'a pair'}`);
  }
  return problems;
}
