import type { z } from 'zod';
import { closest } from './closest';

/** The parts of a zod 4 schema's definition we walk to learn which keys and values a place allows. */
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
  options?: Schema[];
  discriminator?: string;
  values?: unknown[];
  getter?: () => Schema;
}
type Schema = { _zod: { def: Def } };

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'nullable', 'readonly', 'catch', 'nonoptional']);

function unwrap(schema: Schema, value: unknown): Schema {
  for (;;) {
    const def = schema._zod.def;
    if (WRAPPERS.has(def.type) && def.innerType) schema = def.innerType;
    else if (def.type === 'pipe' && def.in) schema = def.in;
    else if (def.type === 'lazy' && def.getter) schema = def.getter();
    else if (def.type === 'union' && def.options) {
      // A discriminated union: the option the value names; a plain union: the first object option.
      const key = def.discriminator;
      const tag = key && value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      const chosen = def.options.find((o) => (key ? literalsOf(unwrap(o, undefined)._zod.def.shape?.[key]).includes(tag) : unwrap(o, value)._zod.def.type === 'object'));
      if (!chosen) return schema;
      schema = chosen;
    } else return schema;
  }
}

function literalsOf(schema: Schema | undefined): unknown[] {
  return schema ? (unwrap(schema, undefined)._zod.def.values ?? []) : [];
}

/** The value at a path inside parsed YAML. */
export function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let here = value;
  for (const key of path) here = here && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[key] : undefined;
  return here;
}

/** The keys the object schema at `path` allows, following the value through unions and arrays. */
export function keysAt(root: z.ZodType, path: readonly PropertyKey[], value: unknown): string[] {
  let schema = root as unknown as Schema;
  let here = value;
  for (const key of path) {
    const def = unwrap(schema, here)._zod.def;
    here = here && typeof here === 'object' ? (here as Record<PropertyKey, unknown>)[key] : undefined;
    const next = def.type === 'object' ? def.shape?.[String(key)] : def.type === 'array' ? def.element : def.type === 'record' ? def.valueType : undefined;
    if (!next) return [];
    schema = next;
  }
  const def = unwrap(schema, here)._zod.def;
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
}

/** "did you mean …?" when a known word is near, else the list of choices. */
export function suggestion(word: string, choices: readonly string[], what: string): string {
  const guess = closest(word, choices);
  return guess ? `did you mean "${guess}"?` : `${what}: ${choices.join(', ')}`;
}
