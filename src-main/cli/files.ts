// Reading the command line's input files: a missing file or bad JSON is the user's error (exit 2).
import { readFile } from 'node:fs/promises';
import { simulate, type Results } from '../../src-engine/index.ts';
import { UsageError, type Io } from './io.ts';

/** Reads an input file; a missing or unreadable one is the user's input error (exit 2). */
export async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** Reads a JSON file; bad JSON is refused with the parser's message. */
export async function readJson(file: string): Promise<unknown> {
  const text = await readInput(file);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
}

/** Reads, validates and simulates a scenario file; warnings go to stderr. */
export async function simulateFile(file: string, io: Io): Promise<Results> {
  return simulateDoc(await readJson(file), file, io);
}

/** Errors shown before "... and N more": enough to see the pattern, never megabytes of text. */
export const LISTED_ERRORS = 20;

/** The first LISTED_ERRORS lines of a refusal, then how many more there are (`total` counts them all). */
export function cappedList(lines: readonly string[], total: number = lines.length): string {
  if (total <= LISTED_ERRORS) return lines.join('\n');
  const more = total - LISTED_ERRORS;
  return `${lines.slice(0, LISTED_ERRORS).join('\n')}\n... and ${more.toLocaleString('en')} more error${more === 1 ? '' : 's'} (fix these first)`;
}

/** Validates and simulates a scenario document read from `file`; warnings go to stderr. */
export function simulateDoc(doc: unknown, file: string, io: Io): Results {
  const outcome = simulate(doc);
  if (!outcome.ok) {
    const [first, ...more] = outcome.errors;
    const shown = more.slice(0, LISTED_ERRORS).map((m) => m.path).join(', ');
    const extra = more.length === 0 ? '' : ` (and ${more.length} more: ${shown}${more.length > LISTED_ERRORS ? ', ...' : ''})`;
    throw new UsageError(`${file}: ${first!.path}: ${first!.message}${extra}`);
  }
  for (const w of outcome.results.warnings) io.stderr(`modulon: warning: ${w}\n`);
  return outcome.results;
}

