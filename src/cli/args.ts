/**
 * The conventions every command shares: `coursepack <command> --help`, exit 2 for usage errors
 * (thrown as UsageError, turned into a message + usage by main), list options checked against their
 * choices. A new command declares a CommandSpec and reads its flags with parseCommand.
 */
import { parseArgs } from 'node:util';

/** Exit codes, the same for every command. */
export const EXIT = { ok: 0, content: 1, usage: 2 } as const;

/** Bad flags or arguments: main prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** Placeholder shown in help, e.g. "dir" for `--out <dir>`. */
  value?: string;
  default?: string | boolean;
  description: string;
}

export type Streams = { out: NodeJS.WritableStream; err: NodeJS.WritableStream };

export interface CommandSpec {
  name: string;
  /** Arguments after the name in the usage line, e.g. "[course-dir…]". */
  synopsis: string;
  /** One line for `coursepack --help`. */
  summary: string;
  /** Paragraphs for `coursepack <command> --help`. */
  description?: string;
  options: Record<string, OptionSpec>;
  /** Exit status: 0 success, 1 content errors; throw UsageError for usage errors. */
  run(args: string[], streams: Streams): Promise<number>;
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Strict parse against the command's options; unknown flags and missing values are usage errors. */
export function parseCommand(spec: CommandSpec, args: string[]): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.default !== undefined ? { default: o.default } : {}) }]),
  );
  try {
    const { values, positionals } = parseArgs({ args, options: options as never, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/**
 * A comma-separated list flag, each value checked against `choices`:
 * `--target scorm12,foo` → UsageError naming foo and every valid choice.
 */
export function listOption(flag: string, value: string | boolean | undefined, choices: readonly string[]): string[] | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`--${flag} needs a value (choose from ${choices.join(', ')})`);
  const unknown = items.filter((v) => !choices.includes(v));
  if (unknown.length) throw new UsageError(unknownChoice(flag, unknown, choices));
  return items;
}

export function unknownChoice(flag: string, unknown: readonly string[], choices: readonly string[]): string {
  const quoted = unknown.map((u) => `"${u}"`).join(', ');
  return `unknown --${flag} ${quoted} (choose from ${choices.join(', ')})`;
}

export function usageLine(spec: CommandSpec): string {
  return `coursepack ${spec.name}${spec.synopsis ? ` ${spec.synopsis}` : ''}`;
}

/** The text of `coursepack <command> --help`. */
export function commandHelp(spec: CommandSpec): string {
  const flags = Object.entries({ ...spec.options, help: { type: 'boolean', short: 'h', description: 'print this help' } as OptionSpec }).map(([name, o]) => {
    const left = `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` <${o.value ?? 'value'}>` : ''}`;
    const byDefault = o.default !== undefined && o.default !== false ? ` (default: ${String(o.default)})` : '';
    return `  ${left.padEnd(28)} ${o.description}${byDefault}`;
  });
  const parts = [`Usage: ${usageLine(spec)}`, spec.summary, spec.description, `Options:\n${flags.join('\n')}`, 'Exit status: 0 success, 1 content errors (nothing written), 2 usage errors.'];
  return `${parts.filter(Boolean).join('\n\n')}\n`;
}

export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
