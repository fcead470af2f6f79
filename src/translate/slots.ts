import type { Run, Unit } from './unit';

/** The translation of a unit, as runs (target text, or the source text for a draft). */
export type Lookup = (unitId: string) => Run[];

/** How a translated file's codes point at files of its own language. */
export interface FillOptions {
  srcLang: string;
  lang: string;
  /** Course-relative path of a linked file → the path to use in the translated file. */
  mapPath(path: string): string;
}

/**
 * A range of the source file that a translation replaces. Everything outside the slots — the
 * skeleton — is copied from the source language, so structure cannot drift between languages.
 */
export interface Slot {
  start: number;
  end: number;
  fill(lookup: Lookup, options: FillOptions): string;
}

export interface Segmented {
  units: Unit[];
  slots: Slot[];
}

/** The source text with every slot filled in. */
export function applySlots(text: string, slots: readonly Slot[], lookup: Lookup, options: FillOptions): string {
  let out = '';
  let at = 0;
  for (const slot of [...slots].sort((a, b) => a.start - b.start)) {
    out += text.slice(at, slot.start) + slot.fill(lookup, options);
    at = slot.end;
  }
  return out + text.slice(at);
}

/** Offsets of the first character of each line. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}
